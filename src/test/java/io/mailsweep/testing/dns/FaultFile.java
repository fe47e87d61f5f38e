package io.mailsweep.testing.dns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads fault rules, one per line: {@code <name> <TYPE|*> <EFFECT> [arg]}, e.g. {@code slow.test
 * TXT DELAY 300}. Text from {@code #} to the end of a line and blank lines are ignored. Effects are
 * the names of {@link Fault.Effect}, in any case. Rules keep their order (the first match wins), so
 * a second rule for the same name and type could never apply and is rejected.
 */
final class FaultFile {
  /** One parsed line. */
  record Line(QueryKey key, Fault fault) {}

  private FaultFile() {}

  /**
   * @throws IllegalArgumentException naming the file and line number of the first bad line
   */
  static List<Line> read(Path file) throws IOException {
    try {
      return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * @throws IllegalArgumentException naming the line number (from 1) of the first bad line
   */
  static List<Line> parse(List<String> lines) {
    List<Line> rules = new ArrayList<>();
    Map<QueryKey, Integer> firstLine = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String text = stripComment(lines.get(i)).strip();
      if (text.isEmpty()) {
        continue;
      }
      try {
        Line rule = parseRule(text);
        Integer earlier = firstLine.putIfAbsent(rule.key(), i + 1);
        if (earlier != null) {
          throw new IllegalArgumentException("same name and type as line " + earlier);
        }
        rules.add(rule);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return rules;
  }

  private static Line parseRule(String text) {
    String[] f = text.split("\\s+");
    if (f.length < 3 || f.length > 4) {
      throw new IllegalArgumentException(
          "expected <name> <TYPE|*> <EFFECT> [arg], got '" + text + "'");
    }
    return new Line(QueryKey.of(f[0], f[1]), Fault.parse(f[2], f.length == 4 ? f[3] : null));
  }

  private static String stripComment(String line) {
    int hash = line.indexOf('#');
    return hash < 0 ? line : line.substring(0, hash);
  }
}
