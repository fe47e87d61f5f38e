package io.mailsweep.report;

/** A column of a tabular sheet: its header text and its fixed width in characters. */
record Column(String header, int width) {

  /** Widest column the report sets; wider text wraps nowhere but stays readable in the cell. */
  static final int MAX_WIDTH = 80;

  /** A column as wide as its header, but at least {@code minWidth} and at most {@link #MAX_WIDTH}. */
  static Column fitted(String header, int minWidth) {
    int width = Math.max(minWidth, SafeText.clean(header).length() + 2);
    return new Column(header, Math.min(width, MAX_WIDTH));
  }
}
