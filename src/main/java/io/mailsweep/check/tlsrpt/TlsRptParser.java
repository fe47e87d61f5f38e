package io.mailsweep.check.tlsrpt;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads TLS-RPT policy records strictly by the grammar of RFC 8460 §3:
 *
 * <pre>
 * tlsrpt-record = tlsrpt-version 1*(field-delim tlsrpt-field) [field-delim]
 * field-delim   = *WSP ";" *WSP
 * tlsrpt-rua    = %s"rua=" tlsrpt-uri *(*WSP "," *WSP tlsrpt-uri)
 * tlsrpt-extension = tlsrpt-ext-name "=" tlsrpt-ext-value
 * </pre>
 *
 * Whitespace is allowed around ";" and "," only; names and the version are case-sensitive.
 */
public final class TlsRptParser {
  /** RFC 8460 §3: the version field comes first; TXT records not starting with it are ignored. */
  public static final String VERSION = "v=TLSRPTv1";

  private static final Pattern EXT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");
  private static final Pattern EXT_VALUE = Pattern.compile("[\\x21-\\x3a\\x3c\\x3e-\\x7e]+");

  /** A record, or the problems that make it unusable. */
  public sealed interface Parsed {
    record Valid(TlsRptRecord record) implements Parsed {}

    record Invalid(List<TlsRptProblem> problems) implements Parsed {
      public Invalid {
        problems = List.copyOf(problems);
      }
    }
  }

  private TlsRptParser() {}

  /** Whether a TXT record's text is a TLS-RPT record at all (RFC 8460 §3 record selection). */
  public static boolean isTlsRpt(String text) {
    return text.startsWith(VERSION);
  }

  public static Parsed parse(String text) {
    String versionProblem = versionProblem(text);
    if (versionProblem != null) {
      return new Parsed.Invalid(List.of(new TlsRptProblem(TlsRptFinding.TLSRPT_INVALID, 0, versionProblem)));
    }
    Fields fields = new Fields();
    int semicolon = text.indexOf(';', VERSION.length());
    int start = semicolon < 0 ? text.length() + 1 : semicolon + 1;
    while (start <= text.length()) {
      int end = text.indexOf(';', start);
      boolean last = end < 0;
      end = last ? text.length() : end;
      int from = skipWsp(text, start, end);
      int to = trimWsp(text, from, end);
      if (from < to) {
        fields.read(text.substring(from, to), from);
      } else if (!last) {
        fields.problem(TlsRptFinding.TLSRPT_INVALID, from, "empty field (\";;\")");
      }
      start = end + 1;
    }
    if (fields.rua == null) {
      fields.problem(TlsRptFinding.TLSRPT_INVALID, text.length(),
          "no rua= field: the record names no destination for reports");
    }
    return fields.problems.isEmpty()
        ? new Parsed.Valid(new TlsRptRecord(fields.rua, fields.extensions))
        : new Parsed.Invalid(fields.problems);
  }

  /** What the fields after the version have given so far. */
  private static final class Fields {
    private final List<TlsRptProblem> problems = new ArrayList<>();
    private final List<String> extensions = new ArrayList<>();
    private List<String> rua;

    /** One field, without surrounding whitespace, starting at {@code position} in the record. */
    void read(String field, int position) {
      int eq = field.indexOf('=');
      if (eq < 0) {
        problem(TlsRptFinding.TLSRPT_INVALID, position, "'" + field + "' is not a field (expected name=value)");
      } else if (field.startsWith("rua=") && rua != null) {
        problem(TlsRptFinding.TLSRPT_INVALID, position, "rua= appears twice");
      } else if (field.startsWith("rua=")) {
        rua = new ArrayList<>();
        readRua(field.substring(4), position + 4, rua, problems);
      } else {
        String problem = extensionProblem(field.substring(0, eq), field.substring(eq + 1));
        if (problem != null) {
          problem(TlsRptFinding.TLSRPT_INVALID, position, problem);
        } else {
          extensions.add(field.substring(0, eq));
        }
      }
    }

    void problem(TlsRptFinding type, int position, String message) {
      problems.add(new TlsRptProblem(type, position, message));
    }
  }

  /** Why the text does not open with the version field followed by a delimiter, or null. */
  private static String versionProblem(String text) {
    if (!text.startsWith("v=")) {
      int v = text.indexOf("v=");
      return v < 0 ? "no version field: the record must start with " + VERSION
          : "the version field must come first: the record must start with " + VERSION;
    }
    int end = VERSION.length();
    if (!text.startsWith(VERSION) || (end < text.length() && " \t;".indexOf(text.charAt(end)) < 0)) {
      int stop = text.indexOf(';');
      String written = (stop < 0 ? text : text.substring(0, stop)).trim();
      return "the version field is '" + written + "', not " + VERSION;
    }
    int semicolon = skipWsp(text, end, text.length());
    if (semicolon < text.length() && text.charAt(semicolon) != ';') {
      return "'" + VERSION + "' must be followed by \";\"";
    }
    return null;
  }

  private static void readRua(String value, int offset, List<String> out, List<TlsRptProblem> problems) {
    if (value.isEmpty() || value.charAt(0) == ' ' || value.charAt(0) == '\t') {
      problems.add(new TlsRptProblem(TlsRptFinding.TLSRPT_INVALID_RUA, offset, value.isEmpty()
          ? "rua= is empty" : "rua= has whitespace after \"=\", which the grammar does not allow"));
      return;
    }
    int start = 0;
    while (start <= value.length()) {
      int comma = value.indexOf(',', start);
      int end = comma < 0 ? value.length() : comma;
      int from = start == 0 ? 0 : skipWsp(value, start, end);
      int to = comma < 0 ? end : trimWsp(value, from, end);
      String uri = value.substring(from, to);
      String problem = TlsRptUris.problem(uri);
      if (problem != null) {
        problems.add(new TlsRptProblem(TlsRptFinding.TLSRPT_INVALID_RUA, offset + from,
            "rua destination '" + uri + "' " + problem));
      } else {
        out.add(uri);
      }
      start = end + 1;
    }
  }

  private static String extensionProblem(String name, String value) {
    if (!name.equals(name.strip()) || !value.equals(value.strip())) {
      return "'" + name + "=" + value + "' has whitespace around \"=\", which the grammar does not allow";
    }
    if (!EXT_NAME.matcher(name).matches()) {
      return "'" + name + "' is not a field name";
    }
    if (name.equals("v")) {
      return "v= appears again after the version field";
    }
    if (!EXT_VALUE.matcher(value).matches()) {
      return "the value of " + name + "= is empty or has characters the grammar does not allow";
    }
    return null;
  }

  private static int skipWsp(String s, int from, int end) {
    int i = from;
    while (i < end && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
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
