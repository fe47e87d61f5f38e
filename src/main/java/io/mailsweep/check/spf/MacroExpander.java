package io.mailsweep.check.spf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Macro expansion of RFC 7208 §7: pure string work, no lookups (%{p} comes in the context). */
public final class MacroExpander {
  /** The longest domain name in dotted text form (RFC 7208 §7.3). */
  static final int MAX_DOMAIN_LENGTH = 253;

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /**
   * Expands a domain-spec of a valid record into the name to query: a trailing dot is dropped,
   * and a name over 253 characters loses labels from the left until it fits (§7.3). A single
   * label that alone is too long is left as it is, for the DNS layer to reject as invalid.
   *
   * @throws IllegalArgumentException when {@code domainSpec} is not a valid macro-string of a
   *     domain-spec; the parser guarantees it for the specs of a {@link SpfParser.SpfParse.Valid}
   */
  public String expandDomain(String domainSpec, MacroContext ctx) {
    String name = expand(domainSpec, MacroScope.DOMAIN_SPEC, ctx);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    while (name.length() > MAX_DOMAIN_LENGTH && name.indexOf('.') >= 0) {
      name = name.substring(name.indexOf('.') + 1);
    }
    return name;
  }

  /**
   * Expands the explain-string of an exp= TXT record (§6.2), where %{c}, %{r} and %{t} are
   * allowed. Nothing is truncated or dropped.
   *
   * @throws IllegalArgumentException when {@code text} is not a valid explain-string: check it
   *     first with {@code MacroParser.isValid(text, MacroScope.EXPLANATION)} (§6.2: an invalid
   *     one means proceeding as if there were no exp= modifier)
   */
  public String expandExplanation(String text, MacroContext ctx) {
    return expand(text, MacroScope.EXPLANATION, ctx);
  }

  /**
   * Whether the macro-string uses %{p}, so that the evaluator must find the validated domain
   * name first (§7.3, §5.5). False for a string that is not a valid macro-string.
   */
  public static boolean usesValidatedDomain(String macroString) {
    return MacroParser.parse(macroString, MacroScope.EXPLANATION) instanceof MacroParse.Valid v
        && v.parts().stream().anyMatch(p -> p instanceof MacroPart.Expand e && e.letter() == 'p');
  }

  private static String expand(String text, MacroScope scope, MacroContext ctx) {
    MacroParse parse = MacroParser.parse(text, scope);
    if (parse instanceof MacroParse.Invalid invalid) {
      throw new IllegalArgumentException(invalid.message() + " in '" + text + "'");
    }
    StringBuilder out = new StringBuilder();
    for (MacroPart part : ((MacroParse.Valid) parse).parts()) {
      if (part instanceof MacroPart.Expand macro) {
        out.append(expansion(macro, ctx));
      } else if (part instanceof MacroPart.Escape escape) {
        out.append(escape.expansion());
      } else {
        out.append(part.text());
      }
    }
    return out.toString();
  }

  private static String expansion(MacroPart.Expand macro, MacroContext ctx) {
    String value = transform(value(macro.letter(), ctx), macro);
    return macro.urlEncode() ? urlEncode(value) : value;
  }

  /** The value of a macro letter (§7.2). */
  private static String value(char letter, MacroContext ctx) {
    return switch (letter) {
      case 's' -> ctx.sender();
      case 'l' -> ctx.senderLocalPart();
      case 'o' -> ctx.senderDomain();
      case 'd' -> ctx.currentDomain();
      case 'i' -> MacroAddress.forI(ctx.ip());
      case 'p' -> ctx.validatedDomain();
      case 'v' -> MacroAddress.version(ctx.ip());
      case 'h' -> ctx.helo();
      case 'c' -> MacroAddress.forC(ctx.ip());
      case 'r' -> ctx.receiver();
      case 't' -> Long.toString(ctx.timestamp());
      default -> throw new IllegalStateException("the parser admits no macro letter " + letter);
    };
  }

  /**
   * Split on the delimiters ("." by default), reverse if asked, keep the rightmost parts, join
   * with "." (§7.3).
   */
  static String transform(String value, MacroPart.Expand macro) {
    String delimiters = macro.delimiters().isEmpty() ? "." : macro.delimiters();
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      if (delimiters.indexOf(value.charAt(i)) >= 0) {
        parts.add(value.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(value.substring(start));
    if (macro.reverse()) {
      Collections.reverse(parts);
    }
    int keep = macro.rightParts();
    if (keep > 0 && keep < parts.size()) {
      parts = parts.subList(parts.size() - keep, parts.size());
    }
    return String.join(".", parts);
  }

  /** RFC 3986 §2: unreserved characters stay, every other UTF-8 byte becomes %XX. */
  static String urlEncode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if (isUnreserved(c)) {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
      }
    }
    return out.toString();
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }
}
