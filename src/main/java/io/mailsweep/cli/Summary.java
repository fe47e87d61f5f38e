package io.mailsweep.cli;

import io.mailsweep.job.RunOutcome;
import io.mailsweep.store.RunCounts;
import java.io.PrintWriter;
import java.util.stream.Collectors;

/** The end-of-run summary on standard output, and the exit code that goes with it. */
final class Summary {
  private Summary() {}

  static int print(RunOutcome o, PrintWriter out) {
    out.printf("mailsweep run %d: %s%n", o.runId(), o.completed() ? "COMPLETED" : "FAILED");
    RunCounts c = o.counts();
    out.printf("  input:    %d rows: %d accepted, %d duplicate, %d rejected%n",
        c.rowsRead(), c.accepted(), c.duplicates(), c.rejected());
    String counts = o.statusCounts().entrySet().stream()
        .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    out.printf("  scanned:  %d domains%s%n", c.scanned(), counts.isEmpty() ? "" : ": " + counts);
    if (o.resolverHealth() != null) {
      out.printf("  resolver: %s%n", o.resolverHealth());
    }
    if (o.reportFile() != null) {
      out.printf("  report:   %s%n", o.reportFile());
    }
    out.flush();
    if (!o.completed()) {
      out.printf("  failure:  %s%n  Resume with: mailsweep restart %d%n", o.failure(), o.runId());
      out.flush();
      return ExitCodes.FAILED;
    }
    return o.inconclusive() > 0 ? ExitCodes.INCONCLUSIVE : ExitCodes.OK;
  }
}
