package io.mailsweep.policy;

import io.mailsweep.check.Status;
import java.util.Map;
import java.util.Optional;

/**
 * Everything stored about one scanned domain of a run, by check name ({@code spf}, {@code dmarc},
 * ...). {@code overall} is null when the scan did not reach the domain.
 */
public record DomainFacts(long inputRowId, long lineNo, String domain, Status overall, Map<String, CheckFacts> checks) {

  public DomainFacts {
    checks = Map.copyOf(checks);
  }

  public Optional<CheckFacts> check(String name) {
    return Optional.ofNullable(checks.get(name));
  }
}
