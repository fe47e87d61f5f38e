package io.mailsweep.report;

import io.mailsweep.store.FindingTexts;
import io.mailsweep.store.RowWindows;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Walks a run's findings in input row order alongside the domains, which come in the same order,
 * handing out each input row's findings when its domain is written: the findings are read one
 * window of input rows at a time ({@link RowWindows}), so only one window's findings are in memory
 * and the database never sorts the whole run.
 */
final class FindingCursor {

  /** The findings of one window, input row id first, ordered by it. */
  static final String SELECT = "SELECT input_row_id, check_name, code, severity, message, remediation, reference"
      + " FROM finding WHERE run_id = ? AND input_row_id > ? AND input_row_id <= ? ORDER BY input_row_id, id";

  record Finding(String check, String code, String severity, String message, String remediation, String reference) {}

  private record Row(long inputRowId, Finding finding) {}

  private final JdbcTemplate jdbc;
  private final long runId;
  private final RowWindows windows;
  private final FindingTexts texts;
  private final Deque<Row> window = new ArrayDeque<>();
  private long windowLast = Long.MIN_VALUE;

  FindingCursor(JdbcTemplate jdbc, long runId) {
    this.jdbc = jdbc;
    this.runId = runId;
    this.windows = RowWindows.of(jdbc, runId);
    this.texts = FindingTexts.of(jdbc, runId);
  }

  /**
   * The findings of input row {@code inputRowId}, in id order. Ids must be asked in ascending order;
   * findings of rows never asked for are skipped.
   */
  List<Finding> take(long inputRowId) {
    while (inputRowId > windowLast && windows.hasNext()) {
      RowWindows.Window next = windows.next();
      window.clear();
      jdbc.query(SELECT, rs -> {
        String code = rs.getString(3);
        window.add(new Row(rs.getLong(1), new Finding(rs.getString(2), code, rs.getString(4), rs.getString(5),
            texts.remediation(code, rs.getString(6)), texts.reference(code, rs.getString(7)))));
      }, runId, next.after(), next.last());
      windowLast = next.last();
    }
    while (!window.isEmpty() && window.peekFirst().inputRowId() < inputRowId) {
      window.removeFirst();
    }
    List<Finding> out = new ArrayList<>();
    while (!window.isEmpty() && window.peekFirst().inputRowId() == inputRowId) {
      out.add(window.removeFirst().finding());
    }
    return out;
  }
}
