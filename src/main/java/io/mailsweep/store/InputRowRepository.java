package io.mailsweep.store;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The {@code input_row} table: every line of the input, accepted or not. */
public final class InputRowRepository {
  /**
   * PostgreSQL: one pass over the run's rows grouped by domain, after an ANALYZE of the rows just
   * imported. Without fresh statistics PostgreSQL planned either form (this one or the correlated
   * one below, which H2 runs fast) as a nested loop over what it took for a single row, and
   * 50,000 imported rows took minutes.
   */
  private static final String MARK_DUPLICATES_GROUPED = "UPDATE input_row SET disposition = 'DUPLICATE',"
      + " reason = 'duplicate of line ' || CAST(d.first_line AS VARCHAR(20))"
      + " FROM (SELECT domain, MIN(line_no) AS first_line FROM input_row WHERE run_id = ? AND disposition = 'ACCEPTED'"
      + "  GROUP BY domain HAVING COUNT(*) > 1) d"
      + " WHERE input_row.run_id = ? AND input_row.disposition = 'ACCEPTED' AND input_row.domain = d.domain"
      + " AND input_row.line_no > d.first_line";
  private static final String MARK_DUPLICATES_CORRELATED = "UPDATE input_row SET disposition = 'DUPLICATE',"
      + " reason = 'duplicate of line ' || CAST("
      + " (SELECT MIN(f.line_no) FROM input_row f WHERE f.run_id = input_row.run_id"
      + "  AND f.domain = input_row.domain AND f.disposition = 'ACCEPTED') AS VARCHAR(20))"
      + " WHERE run_id = ? AND disposition = 'ACCEPTED' AND EXISTS (SELECT 1 FROM input_row f"
      + "  WHERE f.run_id = input_row.run_id AND f.domain = input_row.domain"
      + "  AND f.disposition = 'ACCEPTED' AND f.line_no < input_row.line_no)";

  private final JdbcTemplate jdbc;
  private final boolean postgres;

  public InputRowRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.postgres = Databases.is(jdbc, "postgres");
  }

  public void insert(long runId, List<? extends ImportedRow> rows) {
    jdbc.batchUpdate(
        "INSERT INTO input_row (run_id, line_no, raw_value, domain, disposition, reason, extras)"
            + " VALUES (?,?,?,?,?,?,?)",
        rows, rows.size(), (ps, row) -> {
          ps.setLong(1, runId);
          ps.setLong(2, row.lineNo());
          ps.setString(3, row.rawValue());
          ps.setString(4, row.domain());
          ps.setString(5, row.disposition().name());
          ps.setString(6, row.reason());
          ps.setString(7, row.extras());
        });
  }

  /**
   * Marks every accepted row whose domain an earlier line of the run already has as DUPLICATE,
   * naming that line. Idempotent, so a restarted run may repeat it.
   */
  public int markDuplicates(long runId) {
    if (!postgres) {
      return jdbc.update(MARK_DUPLICATES_CORRELATED, runId);
    }
    jdbc.execute("ANALYZE input_row");
    return jdbc.update(MARK_DUPLICATES_GROUPED, runId, runId);
  }

  /** Smallest and largest id of the accepted rows, or null when there are none. */
  public long[] acceptedIdRange(long runId) {
    return jdbc.query(
        "SELECT MIN(id), MAX(id), COUNT(*) FROM input_row WHERE run_id = ? AND disposition = 'ACCEPTED'",
        rs -> {
          rs.next();
          return rs.getLong(3) == 0 ? null : new long[] {rs.getLong(1), rs.getLong(2)};
        },
        runId);
  }

  /** Accepted rows that have no result yet: what a (re)started scan step still has to do. */
  public long countUnscanned(long runId) {
    Long n = jdbc.queryForObject(
        "SELECT COUNT(*) FROM input_row r WHERE r.run_id = ? AND r.disposition = 'ACCEPTED'"
            + " AND NOT EXISTS (SELECT 1 FROM domain_result d WHERE d.input_row_id = r.id)",
        Long.class, runId);
    return n == null ? 0 : n;
  }
}
