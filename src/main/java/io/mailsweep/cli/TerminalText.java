package io.mailsweep.cli;

/**
 * Stored text (from DNS, the network, the input) made safe for a terminal line: control
 * characters (C0, DEL, C1, which carry escape sequences) and bidirectional overrides become
 * {@code ?}, and the text is cut at {@link #MAX} characters.
 */
final class TerminalText {
  static final int MAX = 2_000;

  private TerminalText() {}

  static String clean(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX + 3));
    for (int i = 0; i < text.length() && i < MAX; i++) {
      char c = text.charAt(i);
      out.append(unsafe(c) ? '?' : c);
    }
    return text.length() > MAX ? out.append("...").toString() : out.toString();
  }

  private static boolean unsafe(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
  }
}
