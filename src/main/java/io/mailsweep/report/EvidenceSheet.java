package io.mailsweep.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What each verdict rests on: one row per domain and check with the check's stored evidence (DNS
 * answers in presentation form, probe outcomes, the fetched MTA-STS policy, certificate facts of
 * the probed mail servers) as wrapped text, and when the domain was scanned. Evidence too tall for
 * one row continues on the next rows, numbered in Part ("1/3", ...).
 */
final class EvidenceSheet {

  static final String NAME = "Evidence";
  static final List<Column> COLUMNS = List.of(
      new Column("Line", 8),
      new Column("Domain", 36),
      new Column("Check", 10),
      new Column("Status", 15),
      new Column("Scanned at (UTC)", 21),
      new Column("Part", 6),
      new Column("Evidence", EvidenceParts.WIDTH));

  private static final String SELECT =
      "SELECT ir.line_no, ir.domain, dr.scanned_at, cr.check_name, cr.status, cr.evidence"
          + " FROM check_result cr"
          + " JOIN input_row ir ON ir.id = cr.input_row_id"
          + " JOIN domain_result dr ON dr.input_row_id = cr.input_row_id"
          + " WHERE cr.run_id = ? AND cr.input_row_id > ? AND cr.input_row_id <= ?"
          + " ORDER BY cr.input_row_id, cr.id";

  private final PagedSheet table;
  private final Palette palette;

  EvidenceSheet(FastDeflateWorkbook workbook, Palette palette, int maxRows) {
    this.table = new PagedSheet(workbook, palette, NAME, COLUMNS, 2, maxRows);
    this.palette = palette;
  }

  /**
   * Writes the evidence of every check result of run {@code runId}, read and split into parts a
   * window ahead on a second thread through {@code reader} (see {@link DomainsSheet#write}), and
   * counts each check result's status in {@code tally}.
   */
  void write(JdbcTemplate reader, long runId, RunTotals.Tally tally) {
    ServerCertificates certificates = new ServerCertificates(reader, runId);
    ReadAhead.windows("mailsweep-report-evidence", reader, runId,
        window -> reader.query(SELECT, (rs, n) -> row(rs, certificates), runId, window.after(), window.last()),
        rows -> rows.forEach(row -> {
          tally.check(row.check(), row.status());
          write(row);
        }));
    table.finish();
  }

  /** One check result's evidence, split into the parts its rows show. */
  private record Row(long line, String domain, String scannedAt, String check, String status,
      List<EvidenceParts.Part> parts) {}

  private static Row row(ResultSet rs, ServerCertificates certificates) throws SQLException {
    String check = rs.getString(4);
    List<String> lines = lines(rs.getString(6));
    if ("starttls".equalsIgnoreCase(check)) {
      lines = certificates.annotate(lines);
    }
    return new Row(rs.getLong(1), rs.getString(2), Utc.format(rs.getObject(3, OffsetDateTime.class)), check,
        rs.getString(5), EvidenceParts.of(lines));
  }

  private void write(Row row) {
    List<EvidenceParts.Part> parts = row.parts();
    for (int i = 0; i < parts.size(); i++) {
      EvidenceParts.Part part = parts.get(i);
      table.nextRow()
          .height(part.heightInPoints())
          .number(row.line())
          .text(row.domain(), palette.top())
          .text(RunInfo.checkHeader(row.check()), palette.top())
          .status(row.status())
          .text(row.scannedAt(), palette.top())
          .text(parts.size() == 1 ? null : (i + 1) + "/" + parts.size(), palette.top())
          .text(part.text(), palette.wrapped());
    }
  }

  private static List<String> lines(String evidence) {
    return evidence == null || evidence.isEmpty() ? List.of() : List.of(evidence.split("\n", -1));
  }
}
