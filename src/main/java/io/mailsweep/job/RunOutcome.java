package io.mailsweep.job;

import io.mailsweep.store.RunCounts;
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
    RunCounts counts,
    Map<String, Long> statusCounts,
    String resolverHealth,
    String reportFile) {

  public long inconclusive() {
    return counts.inconclusive();
  }
}
