package io.mailsweep.check.spf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The macro-string grammar of RFC 7208 §7.1: pure syntax, no expansion.
 *
 * <pre>
 * macro-string  = *( macro-expand / macro-literal )
 * macro-expand  = ( "%{" macro-letter transformers *delimiter "}" ) / "%%" / "%_" / "%-"
 * macro-literal = %x21-24 / %x26-7E
 * transformers  = *DIGIT [ "r" ]
 * delimiter     = "." / "-" / "+" / "," / "/" / "_" / "="
 * </pre>
 */
public final class MacroParser {
  private static final Pattern BODY =
      Pattern.compile("([A-Za-z])([0-9]*)([rR]?)([-.+,/_=]*)");

  private MacroParser() {}

  /** Splits {@code text} into literals, escapes and macros, or says where it breaks the grammar. */
  public static MacroParse parse(String text, MacroScope scope) {
    List<MacroPart> parts = new ArrayList<>();
    int literalStart = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '%') {
        if (!isLiteral(c, scope)) {
          return new MacroParse.Invalid("invalid character " + describe(c), i);
        }
        i++;
        continue;
      }
      addLiteral(parts, text, literalStart, i);
      int end = macroEnd(text, i);
      if (end < 0) {
        return new MacroParse.Invalid(badPercent(text, i), i);
      }
      MacroParse macro = macro(text.substring(i, end), scope, i);
      if (macro instanceof MacroParse.Invalid) {
        return macro;
      }
      parts.addAll(((MacroParse.Valid) macro).parts());
      i = end;
      literalStart = end;
    }
    addLiteral(parts, text, literalStart, text.length());
    return new MacroParse.Valid(parts);
  }

  /** Whether {@code text} is a valid macro-string in {@code scope}. */
  public static boolean isValid(String text, MacroScope scope) {
    return parse(text, scope) instanceof MacroParse.Valid;
  }

  /** Describes a character for an error message: printable ASCII quoted, the rest as U+XXXX. */
  static String describe(char c) {
    return c > 0x20 && c < 0x7F ? "'" + c + "'" : String.format(Locale.ROOT, "U+%04X", (int) c);
  }

  private static boolean isLiteral(char c, MacroScope scope) {
    return (c >= 0x21 && c <= 0x7E) || (c == ' ' && scope.allowsSpace());
  }

  private static void addLiteral(List<MacroPart> parts, String text, int from, int to) {
    if (from < to) {
      parts.add(new MacroPart.Literal(text.substring(from, to)));
    }
  }

  /** The index after the macro-expand starting at {@code i}, or -1 when there is none. */
  private static int macroEnd(String text, int i) {
    if (i + 1 >= text.length()) {
      return -1;
    }
    char next = text.charAt(i + 1);
    if (next == '%' || next == '_' || next == '-') {
      return i + 2;
    }
    if (next != '{') {
      return -1;
    }
    int close = text.indexOf('}', i + 2);
    return close < 0 ? -1 : close + 1;
  }

  private static String badPercent(String text, int i) {
    if (i + 1 >= text.length()) {
      return "invalid macro '%' at the end (write %% for a percent sign)";
    }
    if (text.charAt(i + 1) == '{') {
      return "unterminated macro '" + text.substring(i) + "'";
    }
    return "invalid macro '" + text.substring(i, i + 2)
        + "' ('%' must be followed by '{', '%', '_' or '-')";
  }

  /** One macro-expand, whose bounds {@link #macroEnd} found, as a one-part parse. */
  private static MacroParse macro(String macro, MacroScope scope, int at) {
    if (macro.charAt(1) != '{') {
      return new MacroParse.Valid(List.of(new MacroPart.Escape(macro)));
    }
    Matcher m = BODY.matcher(macro.substring(2, macro.length() - 1));
    if (!m.matches()) {
      return new MacroParse.Invalid("invalid macro '" + macro + "'", at);
    }
    char written = m.group(1).charAt(0);
    char letter = Character.toLowerCase(written);
    if (!scope.allowsLetter(letter)) {
      return new MacroParse.Invalid(letterProblem(macro, letter), at);
    }
    int rightParts = count(m.group(2));
    if (!m.group(2).isEmpty() && rightParts == 0) {
      return new MacroParse.Invalid(
          "invalid macro '" + macro + "': the number of parts must be nonzero", at);
    }
    return new MacroParse.Valid(List.of(new MacroPart.Expand(letter, written != letter,
        rightParts, !m.group(3).isEmpty(), m.group(4), macro)));
  }

  private static String letterProblem(String macro, char letter) {
    if (MacroScope.EXPLANATION.allowsLetter(letter)) {
      return "invalid macro '" + macro + "': %{" + letter
          + "} is only allowed in explanation text (RFC 7208 §7.1)";
    }
    return "invalid macro '" + macro + "': unknown macro letter '" + letter + "'";
  }

  /** The value of the digit transformer, saturating; 0 when absent. */
  private static int count(String digits) {
    long value = 0;
    for (int i = 0; i < digits.length() && value <= Integer.MAX_VALUE; i++) {
      value = value * 10 + (digits.charAt(i) - '0');
    }
    return (int) Math.min(value, Integer.MAX_VALUE);
  }
}
