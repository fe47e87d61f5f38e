package io.mailsweep.report;

import io.mailsweep.scan.CheckCatalog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * One row per accepted input row, in input order: Line, Domain, the carried input columns, Overall,
 * then "CHECK", "CHECK detail" and the check's attribute columns per check, then Reason. Streams a single joined query and groups
 * its consecutive rows per input row, so memory does not grow with the run.
 */
final class DomainsSheet {

  static final String NAME = "Domains";
  static final String NOT_SCANNED = "not scanned";

  private final RunInfo run;
  private final PagedSheet table;
  private DomainLine current;

  DomainsSheet(SXSSFWorkbook workbook, Palette palette, RunInfo run, int maxRows) {
    this.run = run;
    this.table = new PagedSheet(workbook, palette, NAME, columns(run), 2, maxRows);
  }

  static List<Column> columns(RunInfo run) {
    List<Column> columns = new ArrayList<>();
    columns.add(new Column("Line", 8));
    columns.add(new Column("Domain", 40));
    run.extraColumns().forEach(name -> columns.add(Column.fitted(name, 14)));
    columns.add(Column.fitted("Overall", 16));
    for (String check : run.checks()) {
      columns.add(Column.fitted(RunInfo.checkHeader(check), 16));
      columns.add(new Column(RunInfo.checkHeader(check) + " detail", 50));
      CheckCatalog.attributes(check).forEach(name -> columns.add(Column.fitted(name, 16)));
    }
    columns.add(new Column("Reason", 60));
    return columns;
  }

  void write(JdbcTemplate jdbc) {
    jdbc.query(DomainLine.SELECT, (RowCallbackHandler) this::accept, run.id());
    flush();
    table.finish();
  }

  private void accept(ResultSet rs) throws SQLException {
    if (current != null && current.sameRow(rs)) {
      current.add(rs);
    } else {
      flush();
      current = DomainLine.start(rs);
    }
  }

  private void flush() {
    if (current == null) {
      return;
    }
    RowCursor row = table.nextRow().number(current.lineNo).text(current.domain);
    extras(row);
    if (current.overall == null) {
      row.text(NOT_SCANNED);
    } else {
      checks(row.status(current.overall)).text(current.reason(run.checks()));
    }
    current = null;
  }

  private void extras(RowCursor row) {
    List<String> values = run.extraColumns().isEmpty() ? List.of() : CsvRecord.parse(current.extras);
    for (int i = 0; i < run.extraColumns().size(); i++) {
      row.text(i < values.size() ? values.get(i) : null);
    }
  }

  private RowCursor checks(RowCursor row) {
    for (String check : run.checks()) {
      DomainLine.CheckCell cell = current.check(check);
      List<String> attributes = CheckCatalog.attributes(check);
      if (cell == null) {
        row.skip().skip();
        attributes.forEach(name -> row.skip());
      } else {
        row.status(cell.status()).text(cell.summary());
        attributes.forEach(name -> row.text(cell.attribute(name)));
      }
    }
    return row;
  }
}
