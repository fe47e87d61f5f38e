package io.mailsweep.history;

import io.mailsweep.policy.DomainFacts;
import java.time.Duration;
import java.util.function.Function;

/**
 * How two runs are compared.
 *
 * @param expiryHorizon a mail server certificate of the later run that expires within this time
 *     after that run started is listed as expiring (the next run should come before it does)
 * @param verdict a domain's verdict under a compliance profile, or null to compare no verdicts;
 *     {@code compliant} and {@code non-compliant} (any case, {@code _} or space for {@code -}) are
 *     the verdicts that count as newly compliant or non-compliant; any other value, such as
 *     {@code inconclusive}, is neither
 */
public record DiffSettings(Duration expiryHorizon, Function<DomainFacts, String> verdict) {

  public static final Duration DEFAULT_EXPIRY_HORIZON = Duration.ofDays(7);

  public static final DiffSettings DEFAULTS = new DiffSettings(DEFAULT_EXPIRY_HORIZON, null);

  public DiffSettings {
    if (expiryHorizon == null || expiryHorizon.isNegative()) {
      throw new IllegalArgumentException("the certificate expiry horizon must be zero or more");
    }
  }

  public DiffSettings withVerdict(Function<DomainFacts, String> v) {
    return new DiffSettings(expiryHorizon, v);
  }

  public DiffSettings withExpiryHorizon(Duration horizon) {
    return new DiffSettings(horizon, verdict);
  }
}
