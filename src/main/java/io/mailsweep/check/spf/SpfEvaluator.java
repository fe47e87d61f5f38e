package io.mailsweep.check.spf;

import io.mailsweep.net.dns.Dns;
import java.util.concurrent.CompletableFuture;

/** check_host() of RFC 7208 §4 over the {@link Dns} port. */
public final class SpfEvaluator {
  private final Dns dns;
  private final SpfLimits limits;

  public SpfEvaluator(Dns dns, SpfLimits limits) {
    this.dns = dns;
    this.limits = limits;
  }

  public CompletableFuture<SpfOutcome> checkHost(SpfRequest request) {
    throw new UnsupportedOperationException("not yet");
  }
}
