package io.mailsweep.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.CheckResult.Attribute;
import io.mailsweep.check.Status;
import io.mailsweep.check.access.AccessServer;
import io.mailsweep.check.transport.MailServer;
import io.mailsweep.domain.DomainName;
import io.mailsweep.scan.DomainScan;
import io.mailsweep.scan.ScannedDomain;
import io.mailsweep.store.ResultRepository;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Transport results through storage into the workbook: attribute columns on Domains, one Mail
 * servers row per (host, address, port) however many domains name it and however often a chunk
 * is written again (a restarted run); likewise the Mail access sheet of the access check.
 */
class TransportReportTest {
  @TempDir Path dir;
  private JdbcDataSource h2;
  private JdbcTemplate jdbc;

  @BeforeEach
  void database() {
    h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:transport-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
    jdbc = new JdbcTemplate(h2);
    jdbc.update("INSERT INTO scan_run (id, job_name, input_file, input_sha256, resolvers, checks, parameters,"
        + " tool_version, started_at, status) VALUES (1, 'lab', '/in.csv', ?, '127.0.0.1', 'mx,starttls,mtasts',"
        + " '{}', '0.1.0', CURRENT_TIMESTAMP, 'COMPLETED')", "ab".repeat(32));
    for (int line = 2; line <= 4; line++) {
      jdbc.update("INSERT INTO input_row (id, run_id, line_no, raw_value, domain, disposition) VALUES (?,1,?,?,?,"
          + "'ACCEPTED')", line, line, "d" + line + ".test", "d" + line + ".test");
    }
  }

  private static MailServer server(String host, String address, String validation) {
    return new MailServer(host, address, 25, "yes", "TLSv1.3", "TLS_AES_128_GCM_SHA256", "TLSv1.3 TLSv1.2",
        "none accepted", "CN=" + host, "CN=Lab CA", "2027-01-01T00:00:00Z", "EC 256 bits, SHA256withECDSA", validation, "TLSv1.3 TLS_AES_128_GCM_SHA256");
  }

  private static ScannedDomain scanned(long row, String coverage, List<MailServer> servers) {
    CheckResult starttls = new CheckResult("starttls", Status.PASS, "STARTTLS " + coverage, null, List.of(), List.of(),
        List.of(new Attribute("STARTTLS on MX", coverage), new Attribute("Worst TLS", "TLSv1.2"),
            new Attribute("Certificate", "valid")), servers);
    return new ScannedDomain(row, new DomainScan(DomainName.of("d" + row + ".test"), List.of(starttls), Status.PASS,
        null, Instant.now(), 5));
  }

  @Test
  void sharedServersAreListedOnceAndAttributesHaveTheirColumns() throws Exception {
    ResultRepository results = new ResultRepository(jdbc);
    MailServer shared = server("mx.provider.test", "127.0.26.1", "valid");
    results.save(1, List.of(scanned(2, "yes", List.of(shared)), scanned(3, "partial",
        List.of(shared, server("mx2.d3.test", "127.0.26.2", "expired: certificate expired 2026-01-01")))));
    // The same mail server written again by another process after a restart: still one row.
    new ResultRepository(jdbc).save(1, List.of(scanned(4, "yes", List.of(shared))));

    Path file = dir.resolve("report.xlsx");
    new WorkbookReport(h2).write(1, file);
    try (InputStream in = Files.newInputStream(file); XSSFWorkbook book = new XSSFWorkbook(in)) {
      List<List<String>> servers = rows(book.getSheet("Mail servers"));
      assertThat(servers.get(0)).startsWith("Host", "IP address", "Port", "STARTTLS", "Protocol", "Cipher suite",
          "Protocols accepted", "Weak ciphers", "Certificate subject", "Certificate issuer", "Expires", "Key",
          "Validation");
      assertThat(servers).hasSize(3);
      assertThat(servers.get(1)).startsWith("mx.provider.test", "127.0.26.1", "25", "yes", "TLSv1.3");
      assertThat(servers.get(2)).contains("mx2.d3.test", "expired: certificate expired 2026-01-01");
      assertThat(book.getSheetIndex("Mail servers")).isEqualTo(book.getNumberOfSheets() - 1);

      List<List<String>> domains = rows(book.getSheet("Domains"));
      List<String> header = domains.get(0);
      assertThat(header).containsSubsequence("STARTTLS", "STARTTLS detail", "STARTTLS on MX", "Worst TLS",
          "Certificate", "MTA-STS", "MTA-STS detail", "MTA-STS mode", "MTA-STS valid");
      int coverage = header.indexOf("STARTTLS on MX");
      assertThat(domains.get(1).get(coverage)).isEqualTo("yes");
      assertThat(domains.get(2).get(coverage)).isEqualTo("partial");
      assertThat(domains.get(2).get(header.indexOf("Worst TLS"))).isEqualTo("TLSv1.2");
    }
  }

  private static AccessServer accessServer(String host, String service, int port, String tls, String login) {
    return new AccessServer(host, "127.0.27.1", port, service, tls, login, "TLSv1.3", "TLS_AES_128_GCM_SHA256",
        "CN=" + host, "CN=Lab CA", "2027-01-01T00:00:00Z", "valid", "TLSv1.3 TLS_AES_128_GCM_SHA256");
  }

  private static ScannedDomain accessScanned(long row, String login, List<AccessServer> servers) {
    CheckResult access = new CheckResult("access", Status.FAIL, "imap STARTTLS TLSv1.3, login before TLS", null,
        List.of(), List.of(), List.of(new Attribute("Login before TLS", login)), List.of(), servers);
    return new ScannedDomain(row, new DomainScan(DomainName.of("d" + row + ".test"), List.of(access), Status.FAIL,
        null, Instant.now(), 5));
  }

  @Test
  void mailAccessServersAreListedOncePerServiceOnTheirOwnSheet() throws Exception {
    jdbc.update("UPDATE scan_run SET checks = 'mx,access' WHERE id = 1");
    AccessServer imap = accessServer("imap.provider.test", "imap", 143, "STARTTLS", "yes: LOGIN");
    AccessServer imaps = accessServer("imap.provider.test", "imaps", 993, "implicit TLS", null);
    ResultRepository results = new ResultRepository(jdbc);
    results.save(1, List.of(accessScanned(2, "yes: imap", List.of(imap, imaps)), accessScanned(3, "yes: imap",
        List.of(imap))));
    new ResultRepository(jdbc).save(1, List.of(accessScanned(4, "no", List.of(imaps))));

    Path file = dir.resolve("access.xlsx");
    new WorkbookReport(h2).write(1, file);
    try (InputStream in = Files.newInputStream(file); XSSFWorkbook book = new XSSFWorkbook(in)) {
      assertThat(book.getSheet("Mail servers")).isNull();
      assertThat(book.getSheetIndex("Mail access")).isEqualTo(book.getNumberOfSheets() - 1);
      List<List<String>> access = rows(book.getSheet("Mail access"));
      assertThat(access.get(0)).containsExactly("Host", "IP address", "Port", "Service", "TLS", "Login before TLS",
          "Protocol", "Cipher suite", "Certificate subject", "Certificate issuer", "Expires", "Validation", "Detail");
      assertThat(access).hasSize(3);
      assertThat(access.get(1)).startsWith("imap.provider.test", "127.0.27.1", "143", "imap", "STARTTLS",
          "yes: LOGIN", "TLSv1.3");
      assertThat(access.get(2)).startsWith("imap.provider.test", "127.0.27.1", "993", "imaps", "implicit TLS", "",
          "TLSv1.3");

      List<List<String>> domains = rows(book.getSheet("Domains"));
      List<String> header = domains.get(0);
      assertThat(header).containsSubsequence("Mail access", "Mail access detail", "Login before TLS");
      int login = header.indexOf("Login before TLS");
      assertThat(domains.get(1).get(login)).isEqualTo("yes: imap");
      assertThat(domains.get(3).get(login)).isEqualTo("no");
    }
  }

  private static List<List<String>> rows(Sheet sheet) {
    DataFormatter format = new DataFormatter();
    List<List<String>> out = new ArrayList<>();
    for (Row row : sheet) {
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < row.getLastCellNum(); c++) {
        cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
      }
      out.add(cells);
    }
    return out;
  }
}
