package io.mailsweep.check.spf;

import io.mailsweep.net.dns.Dns;
import java.util.concurrent.CompletableFuture;

/**
 * check_host() of RFC 7208 §4 over the {@link Dns} port: the SPF result for a client address and
 * sender, with the lookup counts it took. Never blocks; the future fails only on a fault of the
 * evaluator itself.
 */
public final class SpfEvaluator {
  private final Dns dns;
  private final SpfLimits limits;

  public SpfEvaluator(Dns dns, SpfLimits limits) {
    this.dns = dns;
    this.limits = limits;
  }

  public CompletableFuture<SpfOutcome> checkHost(SpfRequest given) {
    SpfRequest request = new SpfRequest(ClientAddress.unmapped(given.ip()), given.mailFrom(), given.helo(),
        given.receiver());
    SpfLookups lookups = new SpfLookups(dns, limits);
    Addresses addresses = new Addresses(lookups, request.ip());
    SpfMacros macros = new SpfMacros(request, addresses);
    SpfEvaluation evaluation = new SpfEvaluation(lookups, new Mechanisms(lookups, request, macros, addresses));
    return evaluation.checkHost(macros.senderDomain(), true).thenApply(v ->
        new SpfOutcome(v.result(), v.explanation(), v.problem(), lookups.terms(), lookups.voids()));
  }
}
