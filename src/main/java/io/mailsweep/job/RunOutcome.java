package io.mailsweep.job;

import java.util.Map;

/**
 * How a run ended, for the command's summary and exit code.
 *
 * @param statusCounts domains per overall status
 */
public record RunOutcome(
    long runId,
    boolean completed,
    String failure,
    long rowsRead,
    long accepted,
    long duplicates,
    long rejected,
    Map<String, Long> statusCounts,
    String resolverHealth,
    String reportFile) {

  public long inconclusive() {
    return statusCounts.getOrDefault("INCONCLUSIVE", 0L);
  }

  public long scanned() {
    return statusCounts.values().stream().mapToLong(Long::longValue).sum();
  }
}
