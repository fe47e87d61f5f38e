package io.mailsweep.testing.dns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads fault rules, one per line: {@code <name> <TYPE|*> <EFFECT> [arg]}, e.g. {@code slow.test
 * TXT DELAY 300}. Text from {@code #} to the end of a line and blank lines are ignored. Effects are
 * the names of {@link Fault.Effect}.
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
    for (int i = 0; i < lines.size(); i++) {
      String text = stripComment(lines.get(i)).strip();
      if (text.isEmpty()) {
        continue;
      }
      try {
        rules.add(parseRule(text));
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
