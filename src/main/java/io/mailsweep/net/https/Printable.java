package io.mailsweep.net.https;

/** Server-supplied text made safe for one report line. */
final class Printable {
  private Printable() {}

  /** {@code text} with control and non-ASCII characters as {@code ?}, cut to {@code max} characters. */
  static String cut(String text, int max) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), max + 3));
    for (int i = 0; i < text.length() && i < max; i++) {
      char c = text.charAt(i);
      out.append(c < ' ' || c >= 0x7f ? '?' : c);
    }
    return text.length() > max ? out.append("...").toString() : out.toString();
  }
}
