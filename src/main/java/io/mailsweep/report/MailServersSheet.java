package io.mailsweep.report;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * One row per MX address the run probed (per host name, since certificates are judged for the
 * name): what STARTTLS negotiated and what the certificate is. Written only for runs with a
 * transport check.
 */
final class MailServersSheet {

  static final String NAME = "Mail servers";
  static final List<Column> COLUMNS = List.of(
      new Column("Host", 36),
      new Column("IP address", 20),
      new Column("Port", 6),
      new Column("STARTTLS", 24),
      new Column("Protocol", 10),
      new Column("Cipher suite", 36),
      new Column("Protocols accepted", 24),
      new Column("Weak ciphers", 24),
      new Column("Certificate subject", 36),
      new Column("Certificate issuer", 36),
      new Column("Expires", 22),
      new Column("Key", 30),
      new Column("Validation", 36),
      new Column("Detail", 60));

  private static final String SELECT =
      "SELECT host, address, port, starttls, protocol, cipher, protocols, weak_ciphers, subject, issuer,"
          + " not_after, key_info, validation, detail FROM mail_server WHERE run_id = ? ORDER BY host, address, port";

  private final PagedSheet table;

  MailServersSheet(FastDeflateWorkbook workbook, Palette palette, int maxRows) {
    this.table = new PagedSheet(workbook, palette, NAME, COLUMNS, 1, maxRows);
  }

  void write(JdbcTemplate jdbc, long runId) {
    RowCallbackHandler handler = rs -> {
      RowCursor row = table.nextRow().text(rs.getString(1)).text(rs.getString(2)).number(rs.getInt(3));
      for (int i = 4; i <= 14; i++) {
        row.text(rs.getString(i));
      }
    };
    jdbc.query(SELECT, handler, runId);
    table.finish();
  }
}
