package io.mailsweep.check.spf;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Macro expansion (RFC 7208 §7) for one evaluation. The %{p} macro needs the client's validated
 * host name, which costs DNS lookups: they are made only for macro-strings that use it.
 */
final class SpfMacros {
  private final MacroContext start;
  private final Addresses addresses;
  private final MacroExpander expander = new MacroExpander();

  SpfMacros(SpfRequest request, Addresses addresses) {
    this.start = MacroContext.of(request, Instant.now().getEpochSecond());
    this.addresses = addresses;
  }

  /** The domain check_host() starts with: the sender's (§4.1). */
  String senderDomain() {
    return start.senderDomain();
  }

  CompletableFuture<String> expandDomain(String spec, String domain) {
    return context(spec, domain).thenApply(ctx -> expander.expandDomain(spec, ctx));
  }

  /** The expanded explanation, or null when the text is not a valid explain-string (§6.2). */
  CompletableFuture<String> expandExplanation(String text, String domain) {
    if (!MacroParser.isValid(text, MacroScope.EXPLANATION)) {
      return CompletableFuture.completedFuture(null);
    }
    return context(text, domain).thenApply(ctx -> expander.expandExplanation(text, ctx));
  }

  private CompletableFuture<MacroContext> context(String macroString, String domain) {
    MacroContext ctx = start.withCurrentDomain(domain);
    if (!MacroExpander.usesValidatedDomain(macroString)) {
      return CompletableFuture.completedFuture(ctx);
    }
    return addresses.validatedNames().thenApply(names -> ctx.withValidatedDomain(pick(names, domain)));
  }

  /** §5.5 via §7.3: prefer a validated name equal to, then under, the current domain. */
  private static String pick(List<String> names, String domain) {
    String d = domain.toLowerCase(Locale.ROOT);
    for (String n : names) {
      if (n.equals(d)) {
        return n;
      }
    }
    for (String n : names) {
      if (n.endsWith("." + d)) {
        return n;
      }
    }
    return names.isEmpty() ? MacroContext.UNKNOWN : names.get(0);
  }
}
