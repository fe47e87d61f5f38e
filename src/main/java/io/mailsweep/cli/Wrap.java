package io.mailsweep.cli;

import java.io.PrintWriter;

/** Labelled, word-wrapped lines for the explaining commands ({@code profiles}, {@code explain}). */
final class Wrap {
  static final int WIDTH = 100;
  static final int LABEL = 17;

  private Wrap() {}

  /** {@code label:} padded to a column, then {@code text} wrapped with a hanging indent; nothing for empty text. */
  static void field(PrintWriter out, String indent, String label, String text) {
    if (text == null || text.isBlank()) {
      return;
    }
    String head = indent + String.format("%-" + LABEL + "s", label + ":");
    out.print(lines(text, head, " ".repeat(head.length())));
  }

  /** {@code text} wrapped at {@link #WIDTH}, the first line after {@code first}, the rest after {@code rest}. */
  static String lines(String text, String first, String rest) {
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder(first);
    int start = first.length();
    for (String word : text.trim().split("\\s+")) {
      if (line.length() > start && line.length() + 1 + word.length() > WIDTH) {
        out.append(line).append(System.lineSeparator());
        line = new StringBuilder(rest);
        start = rest.length();
      }
      if (line.length() > start) {
        line.append(' ');
      }
      line.append(word);
    }
    return out.append(line).append(System.lineSeparator()).toString();
  }
}
