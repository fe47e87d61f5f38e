package io.mailsweep.report;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One row per accepted input row, in input order, in the {@link DomainColumns} layout. Streams
 * through {@link DomainLines}, so memory does not grow with the run.
 */
final class DomainsSheet {

  static final String NAME = "Domains";
  static final String NOT_SCANNED = DomainColumns.NOT_SCANNED;

  private final RunInfo run;
  private final DomainColumns layout;
  private final PagedSheet table;

  DomainsSheet(SXSSFWorkbook workbook, Palette palette, RunInfo run, int maxRows) {
    this(workbook, palette, run, maxRows, null);
  }

  /** @param verdicts the domains' verdicts against the run's profile, in input order; null for none */
  DomainsSheet(SXSSFWorkbook workbook, Palette palette, RunInfo run, int maxRows, Verdicts verdicts) {
    this.run = run;
    this.layout = new DomainColumns(run, verdicts);
    this.table = new PagedSheet(workbook, palette, NAME, layout.columns(), 2, maxRows);
  }

  void write(JdbcTemplate jdbc) {
    DomainLines.each(jdbc, run.id(), false, line -> layout.fill(line, table.nextRow()));
    table.finish();
  }
}
