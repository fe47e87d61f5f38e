package io.mailsweep.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts one check's evidence text into the parts its Evidence rows show: each part at most
 * {@link #MAX_VISUAL_LINES} lines tall once wrapped at {@link #WIDTH} characters (so the row fits
 * Excel's 409-point row height and one printed page) and therefore far below Excel's 32,767
 * characters and 253 line feeds per cell. Parts break between evidence lines; a line taller than a
 * whole part is cut into pieces.
 */
final class EvidenceParts {

  /** Characters per wrapped line: the Evidence column's width. */
  static final int WIDTH = 100;

  /** Wrapped lines per part: as tall as a row is made ({@link TextHeight#MAX_LINES}). */
  static final int MAX_VISUAL_LINES = TextHeight.MAX_LINES;

  /** One part: its text and its height in wrapped lines. */
  record Part(String text, int visualLines) {
    float heightInPoints() {
      return TextHeight.points(visualLines);
    }
  }

  private final List<Part> parts = new ArrayList<>();
  private final StringBuilder current = new StringBuilder();
  private int visual;

  private EvidenceParts() {}

  /** The parts of {@code lines}, in order; one empty part when there are none. */
  static List<Part> of(List<String> lines) {
    EvidenceParts cut = new EvidenceParts();
    lines.forEach(cut::add);
    cut.flush();
    if (cut.parts.isEmpty()) {
      cut.parts.add(new Part("", 1));
    }
    return cut.parts;
  }

  private void add(String line) {
    String rest = line;
    int partChars = WIDTH * MAX_VISUAL_LINES;
    while (rest.length() > partChars) {
      flush();
      parts.add(new Part(rest.substring(0, partChars), MAX_VISUAL_LINES));
      rest = rest.substring(partChars);
    }
    int lines = visualLines(rest);
    if (visual + lines > MAX_VISUAL_LINES) {
      flush();
    }
    if (current.length() > 0) {
      current.append('\n');
    }
    current.append(rest);
    visual += lines;
  }

  private void flush() {
    if (visual > 0) {
      parts.add(new Part(current.toString(), visual));
      current.setLength(0);
      visual = 0;
    }
  }

  private static int visualLines(String line) {
    return TextHeight.lines(line, WIDTH);
  }
}
