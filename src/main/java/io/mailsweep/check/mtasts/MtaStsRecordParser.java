package io.mailsweep.check.mtasts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads MTA-STS TXT records strictly by the grammar of RFC 8461 §3.1:
 *
 * <pre>
 * sts-text-record = sts-version 1*(sts-sep sts-field) [sts-sep]
 * sts-field       = sts-id / sts-extension
 * sts-version     = %s"v=STSv1"
 * sts-id          = %s"id=" 1*32(ALPHA / DIGIT)
 * sts-sep         = *WSP %x3B *WSP
 * sts-extension   = sts-ext-name "=" sts-ext-value
 * </pre>
 *
 * The id is required (§3.1: "id: ... (plain-text, required)"). Problems carry the character
 * position where they start. Pure syntax.
 */
public final class MtaStsRecordParser {
  /** RFC 8461 §3.1: the version field that comes first; other TXT records are not MTA-STS. */
  public static final String VERSION = "v=STSv1";

  static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1,32}");
  private static final Pattern EXT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");
  private static final Pattern EXT_VALUE = Pattern.compile("[\\x21-\\x3a\\x3c\\x3e-\\x7e]+");

  /** A record, or what makes it unusable, each problem prefixed with its position. */
  public sealed interface Parsed {
    record Valid(MtaStsRecord record) implements Parsed {}

    record Invalid(List<String> problems) implements Parsed {
      public Invalid {
        problems = List.copyOf(problems);
      }
    }
  }

  private MtaStsRecordParser() {}

  /**
   * Whether a TXT record's text is an MTA-STS record at all. §3.1 discards records not starting
   * with {@code v=STSv1;}; a record that starts with the version but lacks the ";" is kept here so
   * that it is reported as invalid rather than silently ignored.
   */
  public static boolean isSts(String text) {
    return text.startsWith(VERSION);
  }

  public static Parsed parse(String text) {
    int end = VERSION.length();
    if (!isSts(text) || (end < text.length() && " \t;".indexOf(text.charAt(end)) < 0)) {
      return new Parsed.Invalid(List.of("at character 0: the record must start with " + VERSION + ";"));
    }
    Fields fields = new Fields();
    int start = skipWsp(text, end);
    if (start < text.length() && text.charAt(start) != ';') {
      fields.problems.add(at(start, "\"" + VERSION + "\" must be followed by \";\""));
      start = text.indexOf(';', start);
      start = start < 0 ? text.length() : start;
    }
    while (start < text.length()) {
      int from = skipWsp(text, start + 1);
      int semicolon = text.indexOf(';', from);
      int stop = semicolon < 0 ? text.length() : semicolon;
      String field = text.substring(from, trimWsp(text, from, stop));
      if (field.isEmpty() && semicolon >= 0) {
        fields.problems.add(at(from, "empty field (\";;\")"));
      } else if (!field.isEmpty()) {
        fields.read(field, from);
      }
      start = stop;
    }
    if (fields.id == null) {
      fields.problems.add(at(text.length(), "no id= field: the record must carry the policy's id"));
    }
    return fields.problems.isEmpty() ? new Parsed.Valid(new MtaStsRecord(fields.id, fields.extensions))
        : new Parsed.Invalid(fields.problems);
  }

  /** The fields after the version read so far. */
  private static final class Fields {
    private final List<String> problems = new ArrayList<>();
    private final List<String> extensions = new ArrayList<>();
    private String id;

    /** One field without surrounding whitespace, starting at {@code from} in the record. */
    void read(String field, int from) {
      if (field.startsWith("id=")) {
        String value = field.substring(3);
        if (id != null) {
          problems.add(at(from, "id= appears twice"));
        } else if (!ID.matcher(value).matches()) {
          problems.add(at(from + 3, "id '" + value + "' must be 1 to 32 letters and digits"));
        }
        id = id == null ? value : id;
        return;
      }
      String problem = extensionProblem(field);
      if (problem == null) {
        extensions.add(field.substring(0, field.indexOf('=')));
      } else {
        problems.add(at(from, problem));
      }
    }
  }

  private static String extensionProblem(String field) {
    int eq = field.indexOf('=');
    if (eq < 0) {
      return "'" + field + "' is not a field (expected name=value)";
    }
    String name = field.substring(0, eq);
    String value = field.substring(eq + 1);
    if (!name.equals(name.strip()) || !value.equals(value.strip())) {
      return "'" + field + "' has whitespace around \"=\", which the grammar does not allow";
    }
    if (name.equals("v")) {
      return "v= appears again after the version field";
    }
    if (!EXT_NAME.matcher(name).matches()) {
      return "'" + name + "' is not a field name";
    }
    return EXT_VALUE.matcher(value).matches() ? null
        : "the value of " + name + "= is empty or has characters the grammar does not allow";
  }

  private static String at(int position, String message) {
    return "at character " + position + ": " + message;
  }

  private static int skipWsp(String s, int from) {
    int i = from;
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static int trimWsp(String s, int from, int end) {
    int i = end;
    while (i > from && (s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\t')) {
      i--;
    }
    return i;
  }
}
