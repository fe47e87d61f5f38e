package io.mailsweep.report;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/** Every input row that was not scanned as given: rejected values and duplicates, by line. */
final class RejectedSheet {

  static final String NAME = "Rejected input";
  static final List<Column> COLUMNS = List.of(
      new Column("Line", 8),
      new Column("Value", 40),
      new Column("Disposition", 12),
      new Column("Reason", 60));

  private static final String SELECT =
      "SELECT line_no, raw_value, disposition, reason FROM input_row"
          + " WHERE run_id = ? AND disposition IN ('REJECTED', 'DUPLICATE') ORDER BY line_no";

  private final PagedSheet table;

  RejectedSheet(FastDeflateWorkbook workbook, Palette palette, int maxRows) {
    this.table = new PagedSheet(workbook, palette, NAME, COLUMNS, 0, maxRows);
  }

  void write(JdbcTemplate jdbc, long runId) {
    RowCallbackHandler handler = rs -> table.nextRow()
        .number(rs.getLong(1))
        .text(rs.getString(2))
        .text(rs.getString(3))
        .text(rs.getString(4));
    jdbc.query(SELECT, handler, runId);
    table.finish();
  }
}
