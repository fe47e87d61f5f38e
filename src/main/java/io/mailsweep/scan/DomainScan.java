package io.mailsweep.scan;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.Status;
import io.mailsweep.domain.DomainName;
import java.time.Instant;
import java.util.List;

/**
 * All check results for one domain.
 *
 * @param status the worst check status (INCONCLUSIVE ranks worst)
 * @param reason the inconclusive checks' reasons, or null
 */
public record DomainScan(
    DomainName domain,
    List<CheckResult> results,
    Status status,
    String reason,
    Instant startedAt,
    long durationMillis) {

  public DomainScan {
    results = List.copyOf(results);
  }
}
