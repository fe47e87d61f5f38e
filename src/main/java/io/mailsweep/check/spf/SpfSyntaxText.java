package io.mailsweep.check.spf;

import java.util.Locale;

/** Record text made safe to show in a message. */
final class SpfSyntaxText {
  private SpfSyntaxText() {}

  /** {@code text} with every character outside printable ASCII shown as {@code <U+XXXX>}. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7F) {
        out.append(c);
      } else {
        out.append(String.format(Locale.ROOT, "<U+%04X>", (int) c));
      }
    }
    return out.toString();
  }
}
