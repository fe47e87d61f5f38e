package io.mailsweep.check.spf;

/** A piece of a parsed macro-string (RFC 7208 §7.1). */
public sealed interface MacroPart {
  /** The text as written. */
  String text();

  /** A run of macro-literal characters (and SP in explanations), copied unchanged. */
  record Literal(String text) implements MacroPart {}

  /** One of the escapes {@code %%}, {@code %_} and {@code %-}. */
  record Escape(String text) implements MacroPart {
    /** "%" for {@code %%}, a space for {@code %_}, "%20" for {@code %-}. */
    public String expansion() {
      return switch (text.charAt(1)) {
        case '%' -> "%";
        case '_' -> " ";
        default -> "%20";
      };
    }
  }

  /**
   * A macro {@code %{letter transformers delimiters}} (RFC 7208 §7.1, §7.3).
   *
   * @param letter the macro letter in lower case
   * @param urlEncode whether the letter was upper case: URL-encode the expansion
   * @param rightParts how many right-hand parts to keep, 0 for all (a written 0 is invalid)
   * @param reverse whether the parts are reversed before the right-hand ones are kept
   * @param delimiters the characters to split on, empty meaning "."
   */
  record Expand(
      char letter,
      boolean urlEncode,
      int rightParts,
      boolean reverse,
      String delimiters,
      String text)
      implements MacroPart {}
}
