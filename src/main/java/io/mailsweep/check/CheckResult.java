package io.mailsweep.check;

import java.util.List;

/**
 * What one check concluded about one domain.
 *
 * @param summary short text for the report cell, e.g. {@code p=reject} or {@code 1 record}
 * @param reason why the check is INCONCLUSIVE (which lookup failed, how), else null
 * @param evidence the raw material the status rests on: DNS answers in presentation form
 */
public record CheckResult(
    String check,
    Status status,
    String summary,
    String reason,
    List<Finding> findings,
    List<String> evidence) {

  public CheckResult {
    findings = List.copyOf(findings);
    evidence = List.copyOf(evidence);
  }

  public static CheckResult inconclusive(String check, String reason, List<String> evidence) {
    return new CheckResult(check, Status.INCONCLUSIVE, "inconclusive", reason, List.of(), evidence);
  }
}
