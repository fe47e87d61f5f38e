package io.mailsweep.check.spf;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The domain-spec rule of RFC 7208 §7.1, checked on the unexpanded text (the suite's
 * invalid-hello-macro: syntax is never checked after expansion).
 *
 * <pre>
 * domain-spec = macro-string domain-end
 * domain-end  = ( "." toplabel [ "." ] ) / macro-expand
 * toplabel    = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum )
 * </pre>
 */
public final class DomainSpecSyntax {
  private static final String TOPLABEL =
      "(?:[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*|[A-Za-z0-9]+-[A-Za-z0-9-]*[A-Za-z0-9])";
  private static final Pattern DOT_TOPLABEL_END =
      Pattern.compile(".*\\." + TOPLABEL + "\\.?", Pattern.DOTALL);
  private static final Pattern ALL_NUMERIC_END = Pattern.compile(".*\\.[0-9]+\\.?");

  private DomainSpecSyntax() {}

  /** Why {@code domainSpec} is not a valid domain-spec, or empty when it is one. */
  public static Optional<String> problem(String domainSpec) {
    if (domainSpec.isEmpty()) {
      return Optional.of("empty domain-spec");
    }
    MacroParse parse = MacroParser.parse(domainSpec, MacroScope.DOMAIN_SPEC);
    if (parse instanceof MacroParse.Invalid invalid) {
      return Optional.of(invalid.message());
    }
    List<MacroPart> parts = ((MacroParse.Valid) parse).parts();
    MacroPart last = parts.get(parts.size() - 1);
    if (!(last instanceof MacroPart.Literal) || DOT_TOPLABEL_END.matcher(last.text()).matches()) {
      return Optional.empty();
    }
    return Optional.of(endProblem(domainSpec, last.text()));
  }

  public static boolean isValid(String domainSpec) {
    return problem(domainSpec).isEmpty();
  }

  private static String endProblem(String domainSpec, String lastLiteral) {
    if (SpfSyntaxIp.ip4(domainSpec).isPresent()) {
      return "'" + domainSpec + "' is an IPv4 address, not a domain name (use ip4:" + domainSpec
          + ")";
    }
    if (ALL_NUMERIC_END.matcher(lastLiteral).matches()) {
      return "the top-level label of '" + domainSpec + "' is all numeric";
    }
    String name = domainSpec.endsWith(".")
        ? domainSpec.substring(0, domainSpec.length() - 1) : domainSpec;
    if (name.indexOf('.') < 0 && name.indexOf('%') < 0) {
      return "'" + domainSpec + "' is a single label; a domain-spec ends in a dot and a top-level"
          + " label, or in a macro";
    }
    return "'" + domainSpec + "' does not end in a dot and a valid top-level label, or in a macro";
  }
}
