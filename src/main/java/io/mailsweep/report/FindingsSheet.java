package io.mailsweep.report;

import java.util.List;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/** One row per finding, ordered by input row then finding id. */
final class FindingsSheet {

  static final String NAME = "Findings";
  static final List<Column> COLUMNS = List.of(
      new Column("Domain", 40),
      new Column("Check", 10),
      new Column("Code", 28),
      new Column("Severity", 10),
      new Column("Message", 80),
      new Column("Remediation", 80),
      new Column("Reference", 40));

  private static final String SELECT =
      "SELECT ir.domain, f.check_name, f.code, f.severity, f.message, f.remediation, f.reference"
          + " FROM finding f JOIN input_row ir ON ir.id = f.input_row_id"
          + " WHERE f.run_id = ? ORDER BY f.input_row_id, f.id";

  private final PagedSheet table;

  FindingsSheet(SXSSFWorkbook workbook, Palette palette, int maxRows) {
    this.table = new PagedSheet(workbook, palette, NAME, COLUMNS, 1, maxRows);
  }

  void write(JdbcTemplate jdbc, long runId) {
    RowCallbackHandler handler = rs -> table.nextRow()
        .text(rs.getString(1))
        .text(RunInfo.checkHeader(rs.getString(2)))
        .text(rs.getString(3))
        .text(rs.getString(4))
        .text(rs.getString(5))
        .text(rs.getString(6))
        .text(rs.getString(7));
    jdbc.query(SELECT, handler, runId);
    table.finish();
  }
}
