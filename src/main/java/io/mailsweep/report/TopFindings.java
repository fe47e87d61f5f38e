package io.mailsweep.report;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The findings a run raised most often: code, check, severity, how often and on how many domains.
 * A code raised at two severities counts as two rows.
 */
final class TopFindings {

  /** Rows of the Summary's top findings table. */
  static final int LIMIT = 10;

  private static final String SELECT =
      "SELECT code, check_name, severity, COUNT(*), COUNT(DISTINCT input_row_id), MIN(reference)"
          + " FROM finding WHERE run_id = ? GROUP BY code, check_name, severity"
          + " ORDER BY COUNT(*) DESC, COUNT(DISTINCT input_row_id) DESC, code"
          + " FETCH FIRST " + LIMIT + " ROWS ONLY";

  /** One finding code of one check with its counts; {@code reference} as stored with one of them. */
  record Row(String code, String check, String severity, long findings, long domains, String reference) {}

  private TopFindings() {}

  static List<Row> load(JdbcTemplate jdbc, long runId) {
    return jdbc.query(SELECT, (rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
        rs.getLong(4), rs.getLong(5), rs.getString(6)), runId);
  }
}
