package io.mailsweep.report;

/**
 * Estimates how tall wrapped text is, so that rows can be given their height when written: a
 * streamed sheet cannot be measured, and a height set in the file spares the application from
 * measuring every row when it opens a large workbook. The estimate counts a column's width in
 * characters per line, generous for average text, so wrapped text is not cut.
 */
final class TextHeight {

  /** Height of one line of the default 11-point font. */
  static final float POINTS_PER_LINE = 15f;

  /** Most lines a row is made tall: 26 × 15 points stays under Excel's 409-point row limit. */
  static final int MAX_LINES = 26;

  private TextHeight() {}

  /** Wrapped lines of {@code text} in a column {@code width} characters wide; at least 1. */
  static int lines(String text, int width) {
    if (text == null || text.isEmpty()) {
      return 1;
    }
    int lines = 0;
    for (String line : text.split("\n", -1)) {
      lines += Math.max(1, (line.length() + width - 1) / width);
    }
    return lines;
  }

  /** The row height for {@code lines} lines, at most {@link #MAX_LINES}. */
  static float points(int lines) {
    return Math.min(Math.max(lines, 1), MAX_LINES) * POINTS_PER_LINE;
  }
}
