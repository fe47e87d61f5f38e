package io.mailsweep.report;

import io.mailsweep.check.Status;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** The Summary sheet's counts for one run, each from a GROUP BY query. */
final class RunTotals {

  private static final String DISPOSITIONS =
      "SELECT ir.disposition, COUNT(*), COUNT(dr.input_row_id) FROM input_row ir"
          + " LEFT JOIN domain_result dr ON dr.input_row_id = ir.id"
          + " WHERE ir.run_id = ? GROUP BY ir.disposition";
  private static final String OVERALL =
      "SELECT status, COUNT(*) FROM domain_result WHERE run_id = ? GROUP BY status";
  private static final String PER_CHECK =
      "SELECT check_name, status, COUNT(*) FROM check_result WHERE run_id = ?"
          + " GROUP BY check_name, status";

  private final Map<String, Long> rowsByDisposition = new HashMap<>();
  private final Map<String, Long> overall = new HashMap<>();
  private final Map<String, Long> perCheck = new HashMap<>();
  private long rowsRead;
  private long acceptedScanned;

  static RunTotals load(JdbcTemplate jdbc, long runId) {
    RunTotals totals = new RunTotals();
    jdbc.query(DISPOSITIONS, rs -> {
      totals.rowsByDisposition.put(rs.getString(1), rs.getLong(2));
      totals.rowsRead += rs.getLong(2);
      if ("ACCEPTED".equals(rs.getString(1))) {
        totals.acceptedScanned = rs.getLong(3);
      }
    }, runId);
    jdbc.query(OVERALL, rs -> {
      totals.overall.put(rs.getString(1), rs.getLong(2));
    }, runId);
    jdbc.query(PER_CHECK, rs -> {
      totals.perCheck.merge(key(rs.getString(1), rs.getString(2)), rs.getLong(3), Long::sum);
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
