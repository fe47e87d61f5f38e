package io.mailsweep.report;

import io.mailsweep.check.Status;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Summary sheet's counts for one run: the input rows by disposition from a GROUP BY query, the
 * overall and per-check statuses as counted while the Domains and Evidence sheets were written
 * ({@link Tally}), so that the Summary does not read the run's results once more.
 */
final class RunTotals {

  /** Counts the statuses of the rows the tables write, as they write them. */
  static final class Tally {
    private final Map<String, Long> overall = new HashMap<>();
    private final Map<String, Long> perCheck = new HashMap<>();

    /** One scanned domain's overall status. */
    void overall(String status) {
      overall.merge(status, 1L, Long::sum);
    }

    /** One check result. */
    void check(String checkName, String status) {
      perCheck.merge(key(checkName, status), 1L, Long::sum);
    }
  }

  private static final String DISPOSITIONS =
      "SELECT ir.disposition, COUNT(*), COUNT(dr.input_row_id) FROM input_row ir"
          + " LEFT JOIN domain_result dr ON dr.input_row_id = ir.id"
          + " WHERE ir.run_id = ? GROUP BY ir.disposition";

  private final Map<String, Long> rowsByDisposition = new HashMap<>();
  private final Map<String, Long> overall;
  private final Map<String, Long> perCheck;
  private long rowsRead;
  private long acceptedScanned;

  private RunTotals(Tally tally) {
    this.overall = Map.copyOf(tally.overall);
    this.perCheck = Map.copyOf(tally.perCheck);
  }

  /** The totals of run {@code runId}, its statuses as {@code tally} counted them over every row. */
  static RunTotals load(JdbcTemplate jdbc, long runId, Tally tally) {
    RunTotals totals = new RunTotals(tally);
    jdbc.query(DISPOSITIONS, rs -> {
      totals.rowsByDisposition.put(rs.getString(1), rs.getLong(2));
      totals.rowsRead += rs.getLong(2);
      if ("ACCEPTED".equals(rs.getString(1))) {
        totals.acceptedScanned = rs.getLong(3);
      }
    }, runId);
    return totals;
  }

  long rowsRead() {
    return rowsRead;
  }

  long rows(String disposition) {
    return rowsByDisposition.getOrDefault(disposition, 0L);
  }

  /** Number of {@code domain_result} rows. */
  long scanned() {
    return overall.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Accepted rows the scan did not reach: no {@code domain_result}. */
  long notScanned() {
    return rows("ACCEPTED") - acceptedScanned;
  }

  long overall(Status status) {
    return overall.getOrDefault(status.name(), 0L);
  }

  long perCheck(String checkName, Status status) {
    return perCheck.getOrDefault(key(checkName, status.name()), 0L);
  }

  /**
   * The share of {@code checkName}'s applicable results (every status but NOT_APPLICABLE) that
   * passed, or null when it has none. An INCONCLUSIVE result counts as applicable and not passed:
   * it is never a pass, and it is not a failure either (the FAIL count says that).
   */
  Double passRate(String checkName) {
    long applicable = 0;
    for (Status status : Status.values()) {
      if (status != Status.NOT_APPLICABLE) {
        applicable += perCheck(checkName, status);
      }
    }
    return applicable == 0 ? null : (double) perCheck(checkName, Status.PASS) / applicable;
  }

  private static String key(String checkName, String status) {
    return checkName.trim().toLowerCase(Locale.ROOT) + '\n' + status;
  }
}
