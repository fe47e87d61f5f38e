package io.mailsweep.cli;

import io.mailsweep.job.RunOutcome;
import io.mailsweep.store.RunPruner;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;

/** {@code --keep-runs}: pruning after a completed scan, reported on the summary's last line. */
final class Retention {
  private Retention() {}

  /** Checked before anything is scanned. */
  static void check(Integer keep) {
    if (keep != null && keep < 1) {
      throw new UserError("--keep-runs must be 1 or more (leave it out to keep every run)");
    }
  }

  /**
   * Prunes the job's runs when {@code keep} is set and the run completed. A database failure here
   * is reported on {@code err} and does not change the run's exit code: the run itself is stored.
   */
  static void apply(DataSource dataSource, Integer keep, String jobName, RunOutcome outcome, PrintWriter out,
      PrintWriter err) {
    if (keep == null || !outcome.completed()) {
      return;
    }
    try {
      RunPruner.Pruned p = new RunPruner(dataSource).prune(jobName, keep, outcome.runId());
      out.printf("  retention: keep %d runs of job %s: deleted %s%s%n", keep, TerminalText.clean(jobName),
          p.deleted().isEmpty() ? "none" : "run " + ids(p.deleted()),
          p.keptForReports().isEmpty() ? "" : "; kept older run " + ids(p.keptForReports())
              + " (a report on disk refers to it, or it has not finished)");
    } catch (DataAccessException e) {
      err.println("mailsweep: retention failed, no run deleted: " + e.getMostSpecificCause().getMessage());
    }
    out.flush();
    err.flush();
  }

  private static String ids(List<Long> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}
