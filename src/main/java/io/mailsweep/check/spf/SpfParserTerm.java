package io.mailsweep.check.spf;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One term of an SPF record (RFC 7208 §4.6.1, §12).
 *
 * <pre>
 * directive        = [ qualifier ] mechanism
 * modifier         = redirect / explanation / unknown-modifier
 * redirect         = "redirect" "=" domain-spec
 * explanation      = "exp" "=" domain-spec
 * unknown-modifier = name "=" macro-string
 * name             = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." )
 * </pre>
 *
 * A term is a modifier when "=" follows its name before any ":" or "/" (§4.6.1); "redirect" and
 * "exp" are never read as unknown modifiers (the suite's redirect-syntax-error).
 */
final class SpfParserTerm {
  private static final Pattern MODIFIER =
      Pattern.compile("([A-Za-z][A-Za-z0-9._-]*)=(.*)", Pattern.DOTALL);
  private static final Pattern MODIFIER_SHAPE = Pattern.compile("([^:/=]*)=.*", Pattern.DOTALL);
  private static final Map<String, MechanismType> MECHANISMS = Arrays.stream(
          MechanismType.values())
      .collect(Collectors.toUnmodifiableMap(t -> t.name().toLowerCase(Locale.ROOT),
          Function.identity()));

  private SpfParserTerm() {}

  /** The term, a non-empty text without SP, as a Mechanism or a Modifier. */
  static SpfSyntaxResult<Term> parse(String term) {
    Matcher modifier = MODIFIER.matcher(term);
    if (modifier.matches()) {
      return modifier(modifier.group(1).toLowerCase(Locale.ROOT), modifier.group(2), term);
    }
    Matcher shape = MODIFIER_SHAPE.matcher(term);
    if (shape.matches()) {
      return SpfSyntaxResult.error(shape.group(1).isEmpty()
          ? "modifier without a name"
          : "invalid modifier name '" + SpfSyntaxText.printable(shape.group(1))
              + "' (a letter, then letters, digits, '-', '_' or '.')");
    }
    return directive(term);
  }

  private static SpfSyntaxResult<Term> modifier(String name, String value, String term) {
    if (name.equals("redirect") || name.equals("exp")) {
      return DomainSpecSyntax.problem(value)
          .<SpfSyntaxResult<Term>>map(
              p -> SpfSyntaxResult.error(name + "= needs a domain-spec: " + p))
          .orElseGet(() -> SpfSyntaxResult.ok(new Modifier(name, value, term)));
    }
    MacroParse parse = MacroParser.parse(value, MacroScope.MODIFIER);
    if (parse instanceof MacroParse.Invalid invalid) {
      return SpfSyntaxResult.error(invalid.message() + " in the value of modifier " + name + "=");
    }
    return SpfSyntaxResult.ok(new Modifier(name, value, term));
  }

  private static SpfSyntaxResult<Term> directive(String term) {
    Qualifier qualifier = Qualifier.of(term.charAt(0));
    String body = qualifier == null ? term : term.substring(1);
    int end = 0;
    while (end < body.length() && body.charAt(end) != ':' && body.charAt(end) != '/') {
      end++;
    }
    String name = body.substring(0, end);
    MechanismType type = MECHANISMS.get(name.toLowerCase(Locale.ROOT));
    if (type == null) {
      return SpfSyntaxResult.error(unknownMechanism(name));
    }
    return SpfParserMechanism.parse(
        qualifier == null ? Qualifier.PASS : qualifier, type, body.substring(end), term);
  }

  private static String unknownMechanism(String name) {
    if (name.isEmpty()) {
      return "missing mechanism name";
    }
    String lower = name.toLowerCase(Locale.ROOT);
    String hint = lower.equals("redirect") || lower.equals("exp")
        ? " (" + lower + " is a modifier: " + lower + "=...)" : "";
    return "unknown mechanism '" + SpfSyntaxText.printable(name) + "'" + hint;
  }
}
