package io.mailsweep.report;

import io.mailsweep.store.FindingTexts;
import io.mailsweep.store.RowWindows;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * One row per finding, ordered by input row then finding id; message, remediation and reference
 * wrap within their columns. The reference links to the RFC,
 * Internet-Draft or URL it cites ({@link References}) on the first {@link #MAX_LINKS_PER_SHEET}
 * rows of each sheet, Excel's limit of hyperlinks per worksheet; later rows keep it as text.
 */
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

  /** Excel opens at most 65,530 hyperlinks per worksheet (Excel specifications and limits). */
  static final int MAX_LINKS_PER_SHEET = 65_530;

  static final String SELECT =
      "SELECT ir.domain, f.check_name, f.code, f.severity, f.message, f.remediation, f.reference, f.input_row_id"
          + " FROM finding f JOIN input_row ir ON ir.id = f.input_row_id"
          + " WHERE f.run_id = ? AND f.input_row_id > ? AND f.input_row_id <= ?"
          + " ORDER BY f.input_row_id, f.id";

  private final PagedSheet table;
  private final Palette palette;
  private final int linksPerSheet;
  private final LinkRecorder links;
  private int linkedPage;
  private int linksOnPage;

  FindingsSheet(FastDeflateWorkbook workbook, Palette palette, int maxRows, LinkRecorder links) {
    this(workbook, palette, maxRows, links, MAX_LINKS_PER_SHEET);
  }

  FindingsSheet(FastDeflateWorkbook workbook, Palette palette, int maxRows, LinkRecorder links, int linksPerSheet) {
    this.table = new PagedSheet(workbook, palette, NAME, COLUMNS, 1, maxRows);
    this.palette = palette;
    this.links = links;
    this.linksPerSheet = linksPerSheet;
  }

  /**
   * Writes every finding of run {@code runId}, read a window ahead on a second thread through
   * {@code reader} (see {@link DomainsSheet#write}), and counts each in {@code top}.
   */
  void write(JdbcTemplate reader, long runId, TopFindings top) {
    RowMapper<Row> mapper = mapper(reader, runId);
    ReadAhead.windows("mailsweep-report-findings", reader, runId,
        window -> reader.query(SELECT, mapper, runId, window.after(), window.last()),
        rows -> rows.forEach(row -> {
          top.add(row.code(), row.check(), row.severity(), row.inputRowId(), row.reference());
          write(row);
        }));
    table.finish();
  }

  /** One finding with its domain: the columns of {@link #SELECT}, with the run's texts put back. */
  record Row(String domain, String check, String code, String severity, String message, String remediation,
      String reference, long inputRowId) {}

  private void write(Row f) {
    RowCursor row = table.nextRow()
        .height(height(f.message(), f.remediation(), f.reference()))
        .text(f.domain(), palette.top())
        .text(RunInfo.checkHeader(f.check()), palette.top())
        .text(f.code(), palette.top())
        .text(f.severity(), palette.top())
        .text(f.message(), palette.wrapped())
        .text(f.remediation(), palette.wrapped());
    String url = References.url(f.reference());
    row.link(f.reference(), url != null && linkAllowed() ? url : null, links);
  }

  /** Hands run {@code runId}'s findings to {@code sink} in input order. */
  static void each(JdbcTemplate jdbc, long runId, Consumer<Row> sink) {
    RowMapper<Row> mapper = mapper(jdbc, runId);
    RowWindows.of(jdbc, runId).forEachRemaining(window ->
        jdbc.query(SELECT, mapper, runId, window.after(), window.last()).forEach(sink));
  }

  /** Reads {@link #SELECT}'s rows, with the remediation and reference the run stored once put back. */
  private static RowMapper<Row> mapper(JdbcTemplate jdbc, long runId) {
    FindingTexts texts = FindingTexts.of(jdbc, runId);
    return (rs, n) -> {
      String code = rs.getString(3);
      return new Row(rs.getString(1), rs.getString(2), code, rs.getString(4), rs.getString(5),
          texts.remediation(code, rs.getString(6)), texts.reference(code, rs.getString(7)), rs.getLong(8));
    };
  }

  /** Tall enough for the wrapped message, remediation and reference. */
  private static float height(String message, String remediation, String reference) {
    int lines = Math.max(TextHeight.lines(message, COLUMNS.get(4).width()),
        Math.max(TextHeight.lines(remediation, COLUMNS.get(5).width()),
            TextHeight.lines(reference, COLUMNS.get(6).width())));
    return TextHeight.points(lines);
  }

  /** Counts one more link on the current sheet; false once the sheet holds the most Excel opens. */
  private boolean linkAllowed() {
    if (table.page() != linkedPage) {
      linkedPage = table.page();
      linksOnPage = 0;
    }
    return linksOnPage++ < linksPerSheet;
  }
}
