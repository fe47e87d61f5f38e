package io.mailsweep.report;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * One row per mail-access address the run probed (IMAP, POP3 and submission hosts found through
 * SRV records, per host name and service): whether TLS was offered, whether a login was offered
 * before TLS, what was negotiated and what the certificate is. Written only for runs with the
 * {@code access} check.
 */
final class MailAccessSheet {

  static final String NAME = "Mail access";
  static final List<Column> COLUMNS = List.of(
      new Column("Host", 36),
      new Column("IP address", 20),
      new Column("Port", 6),
      new Column("Service", 12),
      new Column("TLS", 24),
      new Column("Login before TLS", 24),
      new Column("Protocol", 10),
      new Column("Cipher suite", 36),
      new Column("Certificate subject", 36),
      new Column("Certificate issuer", 36),
      new Column("Expires", 22),
      new Column("Validation", 36),
      new Column("Detail", 60));

  private static final String SELECT =
      "SELECT host, address, port, service, tls, login_before_tls, protocol, cipher, subject, issuer, not_after,"
          + " validation, detail FROM access_server WHERE run_id = ? ORDER BY host, address, port, service";

  private final PagedSheet table;

  MailAccessSheet(FastDeflateWorkbook workbook, Palette palette, int maxRows) {
    this.table = new PagedSheet(workbook, palette, NAME, COLUMNS, 1, maxRows);
  }

  void write(JdbcTemplate jdbc, long runId) {
    RowCallbackHandler handler = rs -> {
      RowCursor row = table.nextRow().text(rs.getString(1)).text(rs.getString(2)).number(rs.getInt(3));
      for (int i = 4; i <= 13; i++) {
        row.text(rs.getString(i));
      }
    };
    jdbc.query(SELECT, handler, runId);
    table.finish();
  }
}
