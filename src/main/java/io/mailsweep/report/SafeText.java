package io.mailsweep.report;

/**
 * Makes any string safe to store as the text of a spreadsheet cell: drops every character XML 1.0
 * forbids (a single one corrupts the file) and truncates to Excel's cell limit with a visible marker.
 */
final class SafeText {

  /** Excel's limit on the characters in one cell. */
  static final int MAX_CELL_CHARS = 32_767;

  static final String TRUNCATION_MARKER = "…[truncated]";

  private SafeText() {}

  /**
   * Returns {@code text} without characters outside the XML 1.0 {@code Char} production (XML 1.0
   * §2.2: controls other than TAB, LF and CR, unpaired surrogates, U+FFFE and U+FFFF), cut to at
   * most {@link #MAX_CELL_CHARS} characters ending in {@link #TRUNCATION_MARKER}; null becomes "".
   */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    String valid = valid(text);
    return valid.length() <= MAX_CELL_CHARS ? valid : truncate(valid);
  }

  /**
   * Returns {@code text} without the characters {@link #clean} drops, but whole: for CSV and JSON,
   * which have no cell limit. Null becomes "".
   */
  static String valid(String text) {
    if (text == null) {
      return "";
    }
    return isValidXml(text) ? text : stripInvalid(text);
  }

  private static boolean isValidXml(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (!isValidBmpChar(c)) {
        return false;
      }
    }
    return true;
  }

  private static String stripInvalid(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (isValidBmpChar(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** True for a char allowed on its own; surrogates are valid only as a pair, checked by callers. */
  private static boolean isValidBmpChar(char c) {
    return c == '\t'
        || c == '\n'
        || c == '\r'
        || (c >= 0x20 && c < Character.MIN_SURROGATE)
        || (c > Character.MAX_SURROGATE && c <= 0xFFFD);
  }

  private static String truncate(String text) {
    int keep = MAX_CELL_CHARS - TRUNCATION_MARKER.length();
    if (Character.isHighSurrogate(text.charAt(keep - 1))) {
      keep--;
    }
    return text.substring(0, keep) + TRUNCATION_MARKER;
  }
}
