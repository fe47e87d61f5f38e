package io.mailsweep.report;

import io.mailsweep.store.RowWindows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Streams a run's accepted input rows, in input order, each with its domain and check results: a
 * joined query per window of input rows ({@link RowWindows}) whose consecutive rows are grouped per
 * input row, so memory holds one domain at a time and the database sorts one window at a time,
 * whatever the size of the run.
 */
final class DomainLines {

  private static final String COLUMNS =
      "SELECT ir.id, ir.line_no, ir.domain, ir.extras, dr.status, dr.reason, dr.scanned_at,"
          + " cr.check_name, cr.status, cr.summary, cr.reason, cr.attributes";
  private static final String FROM =
      " FROM input_row ir"
          + " LEFT JOIN domain_result dr ON dr.input_row_id = ir.id"
          + " LEFT JOIN check_result cr ON cr.run_id = ir.run_id AND cr.input_row_id = ir.id"
          + " WHERE ir.run_id = ? AND ir.disposition = 'ACCEPTED' AND ir.id > ? AND ir.id <= ?"
          + " ORDER BY ir.id, cr.id";

  private final boolean withEvidence;
  private final Consumer<DomainLine> sink;
  private DomainLine current;

  private DomainLines(boolean withEvidence, Consumer<DomainLine> sink) {
    this.withEvidence = withEvidence;
    this.sink = sink;
  }

  /**
   * Hands every accepted input row of run {@code runId} to {@code sink}, in input order; with
   * {@code withEvidence} its check cells carry their stored evidence.
   */
  static void each(JdbcTemplate jdbc, long runId, boolean withEvidence, Consumer<DomainLine> sink) {
    RowWindows.of(jdbc, runId).forEachRemaining(window -> each(jdbc, runId, window, withEvidence, sink));
  }

  /** As above, for the input rows of one window only. */
  static void each(JdbcTemplate jdbc, long runId, RowWindows.Window window, boolean withEvidence,
      Consumer<DomainLine> sink) {
    DomainLines lines = new DomainLines(withEvidence, sink);
    String sql = COLUMNS + (withEvidence ? ", cr.evidence" : "") + FROM;
    jdbc.query(sql, (RowCallbackHandler) lines::accept, runId, window.after(), window.last());
    lines.flush();
  }

  /** The accepted input rows of one window, in input order. */
  static List<DomainLine> window(JdbcTemplate jdbc, long runId, RowWindows.Window window, boolean withEvidence) {
    List<DomainLine> lines = new ArrayList<>();
    each(jdbc, runId, window, withEvidence, lines::add);
    return lines;
  }

  private void accept(ResultSet rs) throws SQLException {
    if (current != null && current.sameRow(rs)) {
      current.add(rs, withEvidence);
    } else {
      flush();
      current = DomainLine.start(rs, withEvidence);
    }
  }

  private void flush() {
    if (current != null) {
      sink.accept(current);
      current = null;
    }
  }
}
