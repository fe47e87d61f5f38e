package io.mailsweep.check.mtasts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads MTA-STS policy files (RFC 8461 §3.2): one {@code key: value} field per line, lines ended
 * by LF or CRLF; {@code version: STSv1}, {@code mode} and {@code max_age} required once each;
 * {@code mx} once or more unless the mode is none. Field names and the registered values are
 * case-sensitive ({@code %s} in the ABNF). Unknown fields are ignored, as senders ignore them;
 * blank lines are skipped. Problems name their line ({@code line 3: ...}). Pure syntax.
 */
public final class MtaStsPolicyParser {
  /** RFC 8461 §3.2: the largest max_age, in seconds (one year). */
  public static final long MAX_AGE_LIMIT = 31_557_600;

  /** Problems reported per policy; a file that breaks more is not a policy worth listing further. */
  static final int MAX_PROBLEMS = 20;

  private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");
  private static final Pattern MAX_AGE = Pattern.compile("[0-9]{1,10}");
  private static final List<String> REGISTERED = List.of("version", "mode", "max_age", "mx");

  /** A policy, or what makes it unusable. */
  public sealed interface Parsed {
    record Valid(MtaStsPolicy policy) implements Parsed {}

    record Invalid(List<String> problems) implements Parsed {
      public Invalid {
        problems = List.copyOf(problems);
      }
    }
  }

  private MtaStsPolicyParser() {}

  /** Whether some line of {@code body} declares {@code version: STSv1}: the text is meant as a policy. */
  public static boolean looksLikePolicy(String body) {
    return body.lines().anyMatch(l -> l.strip().matches("version:[ \\t]*STSv1"));
  }

  public static Parsed parse(String body) {
    Fields fields = new Fields();
    String[] lines = body.split("\n", -1);
    for (int i = 0; i < lines.length && fields.problems.size() < MAX_PROBLEMS; i++) {
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (i == 0 && line.startsWith("\uFEFF")) {
        fields.problem(1, "the policy starts with a byte order mark (U+FEFF), which the grammar does not allow");
        line = line.substring(1);
      }
      if (!line.isBlank()) {
        fields.read(i + 1, line);
      }
    }
    return fields.finish();
  }

  /** The fields read so far and their problems. */
  private static final class Fields {
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Integer> seenOn = new HashMap<>();
    private final List<MxPattern> mx = new ArrayList<>();
    private final List<String> extensions = new ArrayList<>();
    private MtaStsPolicy.Mode mode;
    private long maxAge = -1;
    private boolean version;

    void read(int number, String line) {
      int colon = line.indexOf(':');
      String name = colon < 0 ? line : line.substring(0, colon);
      if (colon < 0 || !FIELD_NAME.matcher(name).matches()) {
        problem(number, "'" + cut(line) + "' is not a \"key: value\" field");
        return;
      }
      String value = line.substring(colon + 1).strip();
      String registered = REGISTERED.stream().filter(r -> r.equalsIgnoreCase(name)).findFirst().orElse(null);
      if (registered == null) {
        extensions.add(name);
      } else if (!registered.equals(name)) {
        problem(number, "field name '" + name + "' must be written '" + registered + "'");
      } else if (!name.equals("mx") && seenOn.containsKey(name)) {
        problem(number, name + " appears again (first on line " + seenOn.get(name) + ")");
      } else {
        seenOn.putIfAbsent(name, number);
        value(number, name, value);
      }
    }

    private void value(int number, String name, String value) {
      switch (name) {
        case "version" -> {
          version = value.equals("STSv1");
          if (!version) {
            problem(number, "version '" + cut(value) + "' is not STSv1");
          }
        }
        case "mode" -> {
          mode = switch (value) {
            case "enforce" -> MtaStsPolicy.Mode.ENFORCE;
            case "testing" -> MtaStsPolicy.Mode.TESTING;
            case "none" -> MtaStsPolicy.Mode.NONE;
            default -> null;
          };
          if (mode == null) {
            problem(number, "mode '" + cut(value) + "' is not enforce, testing or none");
          }
        }
        case "max_age" -> maxAge(number, value);
        default -> mx(number, value);
      }
    }

    private void maxAge(int number, String value) {
      if (!MAX_AGE.matcher(value).matches()) {
        problem(number, "max_age '" + cut(value) + "' is not a number of seconds (1 to 10 digits)");
      } else if (Long.parseLong(value) > MAX_AGE_LIMIT) {
        problem(number, "max_age " + value + " above " + MAX_AGE_LIMIT);
      } else {
        maxAge = Long.parseLong(value);
      }
    }

    private void mx(int number, String value) {
      String problem = MxPattern.problem(value);
      if (problem != null) {
        problem(number, "mx '" + cut(value) + "' " + problem);
      } else {
        mx.add(MxPattern.parse(value));
      }
    }

    Parsed finish() {
      if (problems.size() < MAX_PROBLEMS) {
        missing("version", "version: STSv1");
        missing("mode", "mode: enforce, testing or none");
        missing("max_age", "max_age: seconds");
        if (mode != MtaStsPolicy.Mode.NONE && !seenOn.containsKey("mx")) {
          problems.add("no mx field: the policy must list the MX host patterns unless its mode is none");
        }
      }
      boolean complete = version && mode != null && maxAge >= 0;
      return problems.isEmpty() && complete ? new Parsed.Valid(new MtaStsPolicy(mode, maxAge, mx, extensions))
          : new Parsed.Invalid(problems);
    }

    private void missing(String name, String example) {
      if (!seenOn.containsKey(name)) {
        problems.add("no " + name + " field: the policy must have one (" + example + ")");
      }
    }

    void problem(int number, String message) {
      problems.add("line " + number + ": " + message);
    }
  }

  private static String cut(String s) {
    String shown = s.length() > 60 ? s.substring(0, 57) + "..." : s;
    StringBuilder out = new StringBuilder();
    shown.codePoints().forEach(c -> out.append(c < ' ' || c == 0x7f ? "?" : Character.toString(c)));
    return out.toString();
  }
}
