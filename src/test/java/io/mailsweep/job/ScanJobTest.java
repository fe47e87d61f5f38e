package io.mailsweep.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.cli.Main;
import io.mailsweep.testing.dns.LabDnsServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The whole job (import, scan, report) through the command line, in process, against the lab zone
 * served by the in-process DNS server with the lab's faults: asserts the database rows, the
 * Spring Batch step counters and the workbook read back.
 */
class ScanJobTest {
  private static final Path LAB = Path.of("samples/lab");

  @TempDir static Path work;
  static LabDnsServer dns;
  static int exitCode;
  static String db;
  static Connection connection;
  static JdbcTemplate jdbc;

  @BeforeAll
  static void scanTheLab() throws Exception {
    dns = LabDnsServer.start(LAB, LAB.resolve("faults.txt"));
    db = "jdbc:h2:file:" + work.resolve("db/mailsweep");
    exitCode = Main.run("scan", LAB.resolve("vendors-lab.csv").toString(),
        "--resolver", "127.0.0.1:" + dns.port(), "--canary", "canary.test",
        "--out", work.resolve("out").toString(), "--db", db,
        "--dns-timeout", "1s", "--dns-retries", "1", "--dns-backoff", "20ms",
        "--threads", "2", "--partitions", "3", "--chunk", "4", "--progress", "0s", "--checks", "spf,dmarc",
        "--format", "xlsx,jsonl,csv");
    connection = DriverManager.getConnection(db, "sa", "");
    jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
  }

  @AfterAll
  static void stop() throws Exception {
    connection.close();
    dns.close();
  }

  private static Map<String, String> column(String sql) {
    Map<String, String> out = new HashMap<>();
    jdbc.query(sql, rs -> {
      out.put(rs.getString(1), rs.getString(2));
    });
    return out;
  }

  @Test
  void exitsWithTheInconclusiveCodeBecauseOfTheInjectedFaults() {
    assertThat(exitCode).isEqualTo(3);
  }

  @Test
  void storesEveryInputLineWithItsDisposition() {
    assertThat(column("SELECT disposition, CAST(COUNT(*) AS VARCHAR) FROM input_row GROUP BY disposition"))
        .containsEntry("ACCEPTED", "17").containsEntry("DUPLICATE", "3").containsEntry("REJECTED", "5");
    Map<String, String> reasons = column("SELECT raw_value, reason FROM input_row WHERE disposition <> 'ACCEPTED'");
    assertThat(reasons).containsEntry("127.0.0.1", "IP address, not a domain");
    assertThat(reasons.get("GOOD.test.")).isEqualTo("duplicate of line 4");
    assertThat(reasons.get("https://good.test/about")).isEqualTo("duplicate of line 4");
    assertThat(reasons.get("localhost")).contains("single-label");
    assertThat(column("SELECT raw_value, domain FROM input_row WHERE disposition = 'ACCEPTED'"))
        .containsEntry("bücher.test", "xn--bcher-kva.test");
  }

  @Test
  void scansEveryAcceptedDomainExactlyOnce() {
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_result", Long.class)).isEqualTo(17);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM check_result", Long.class)).isEqualTo(34);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM input_row r WHERE disposition = 'ACCEPTED'"
        + " AND NOT EXISTS (SELECT 1 FROM domain_result d WHERE d.input_row_id = r.id)", Long.class)).isZero();
  }

  @Test
  void overallStatusesMatchTheLab() {
    Map<String, String> status = column("SELECT domain, status FROM domain_result");
    assertThat(status).containsEntry("good.test", "PASS").containsEntry("quarantine.test", "PASS")
        .containsEntry("monitor.test", "WARN").containsEntry("nospf.test", "FAIL")
        .containsEntry("gone.test", "FAIL").containsEntry("flaky.test", "PASS")
        .containsEntry("slow.test", "PASS").containsEntry("longspf.test", "WARN")
        .containsEntry("split.test", "PASS").containsEntry("xn--bcher-kva.test", "PASS")
        .containsEntry("timeout.test", "INCONCLUSIVE").containsEntry("servfail.test", "INCONCLUSIVE");
    Map<String, String> reasons = column("SELECT domain, reason FROM domain_result WHERE reason IS NOT NULL");
    assertThat(reasons.get("timeout.test")).contains("spf:").contains("TIMEOUT").contains("2 tries");
    assertThat(reasons.get("servfail.test")).contains("SERVFAIL");
    assertThat(reasons).containsOnlyKeys("timeout.test", "servfail.test");
  }

  @Test
  void checkResultsCarrySummariesEvidenceAndFindings() {
    Map<String, String> spf = column("SELECT d.domain, c.summary FROM check_result c"
        + " JOIN input_row d ON d.id = c.input_row_id WHERE c.check_name = 'spf'");
    assertThat(spf).containsEntry("split.test", "valid; -all; 0 lookups")
        .containsEntry("twospf.test", "permerror: 2 SPF records at twospf.test")
        .containsEntry("longspf.test", "valid; -all; 0 lookups");
    String split = jdbc.queryForObject("SELECT c.evidence FROM check_result c JOIN input_row d"
        + " ON d.id = c.input_row_id WHERE d.domain = 'split.test' AND c.check_name = 'spf'", String.class);
    assertThat(split).contains("\"v=spf1 ip4:127.0.13.1\" \" -all\"");
    Map<String, String> dmarc = column("SELECT d.domain, c.summary FROM check_result c"
        + " JOIN input_row d ON d.id = c.input_row_id WHERE c.check_name = 'dmarc'");
    assertThat(dmarc).containsEntry("good.test", "p=reject; pct=100; rua ok; aspf=r adkim=r")
        .containsEntry("baddmarc.test", "invalid").containsEntry("nodmarc.test", "none")
        .containsEntry("monitor.test", "p=none; pct=100; no rua; aspf=r adkim=r");
    String evidence = jdbc.queryForObject("SELECT c.evidence FROM check_result c JOIN input_row d"
        + " ON d.id = c.input_row_id WHERE d.domain = 'formula.test' AND c.check_name = 'spf'", String.class);
    assertThat(evidence).contains("=HYPERLINK").contains("@SUM(1+1)").contains("v=spf1 -all");
    List<String> codes = jdbc.queryForList("SELECT DISTINCT code FROM finding ORDER BY code", String.class);
    assertThat(codes).contains("SPF_MISSING", "SPF_MULTIPLE_RECORDS", "SPF_DOMAIN_NXDOMAIN", "SPF_NEEDS_TCP",
        "SPF_SOFTFAIL_ALL", "DMARC_MISSING",
        "DMARC_INVALID", "DMARC_MULTIPLE_RECORDS", "DMARC_POLICY_NONE");
  }

  @Test
  void springBatchCountersAgreeWithTheTables() {
    Map<String, Long> read = new HashMap<>();
    Map<String, Long> written = new HashMap<>();
    jdbc.query("SELECT STEP_NAME, READ_COUNT, WRITE_COUNT, STATUS FROM BATCH_STEP_EXECUTION", rs -> {
      String step = rs.getString(1).startsWith("scanPartition") ? "scanPartition" : rs.getString(1);
      read.merge(step, rs.getLong(2), Long::sum);
      written.merge(step, rs.getLong(3), Long::sum);
      assertThat(rs.getString(4)).isEqualTo("COMPLETED");
    });
    assertThat(read).containsEntry("importDomains", 25L).containsEntry("scanPartition", 17L);
    assertThat(written).containsEntry("importDomains", 25L).containsEntry("scanPartition", 17L)
        .containsEntry("markDuplicates", 3L);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'scanPartition:%'",
        Long.class)).isEqualTo(3);
    assertThat(jdbc.queryForObject("SELECT status FROM scan_run", String.class)).isEqualTo("COMPLETED");
    assertThat(jdbc.queryForObject("SELECT resolver_health FROM scan_run", String.class)).startsWith("OK");
  }

  @Test
  void workbookReadsBackWithEveryDomainAndTextOnlyCells() throws Exception {
    Path report;
    try (Stream<Path> files = Files.list(work.resolve("out"))) {
      report = files.filter(p -> p.getFileName().toString().matches("mailsweep-report-\\d{4}-\\d{2}-\\d{2}\\.xlsx"))
          .findFirst().orElseThrow();
    }
    assertThat(jdbc.queryForObject("SELECT report_file FROM scan_run", String.class))
        .isEqualTo(report.toAbsolutePath().toString());
    try (XSSFWorkbook book = new XSSFWorkbook(report.toFile())) {
      List<String> names = new ArrayList<>();
      book.forEach(s -> names.add(s.getSheetName()));
      assertThat(names).containsExactly("Summary", "Domains", "Findings", "Evidence", "Changes", "Rejected input", "Run info");
      Sheet domains = book.getSheet("Domains");
      assertThat(domains.getLastRowNum()).isEqualTo(17);
      List<String> header = new ArrayList<>();
      domains.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
      assertThat(header).startsWith("Line", "Domain", "Vendor", "Owner", "Verdict (baseline)", "Score", "Grade",
              "spf-valid", "dmarc-policy", "starttls-all-mx", "Overall")
          .contains("SPF", "SPF detail", "DMARC", "DMARC detail", "Reason");
      int verdict = header.indexOf("Verdict (baseline)");
      // The run has no STARTTLS check, so the baseline's STARTTLS rule cannot be decided: never compliant.
      assertThat(find(domains, "good.test").getCell(verdict).getStringCellValue()).isEqualTo("INCONCLUSIVE");
      assertThat(find(domains, "good.test").getCell(header.indexOf("spf-valid")).getStringCellValue())
          .isEqualTo("PASS");
      assertThat(find(domains, "good.test").getCell(header.indexOf("starttls-all-mx")).getStringCellValue())
          .isEqualTo("INCONCLUSIVE");
      assertThat(find(domains, "nospf.test").getCell(verdict).getStringCellValue()).isEqualTo("NON_COMPLIANT");
      Row formula = find(domains, "formula.test");
      XSSFCell vendor = (XSSFCell) formula.getCell(2);
      assertThat(vendor.getCellType()).isEqualTo(CellType.STRING);
      assertThat(vendor.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://127.0.0.1/\",\"x\")");
      Row timeout = find(domains, "timeout.test");
      assertThat(timeout.getCell(header.indexOf("Overall")).getStringCellValue()).isEqualTo("INCONCLUSIVE");
      assertThat(timeout.getCell(header.indexOf("Reason")).getStringCellValue()).contains("TIMEOUT");
      assertThat(find(domains, "good.test").getCell(header.indexOf("SPF")).getStringCellValue()).isEqualTo("PASS");
      assertThat(book.getSheet("Rejected input").getLastRowNum()).isEqualTo(8);
      Map<String, String> runInfo = new HashMap<>();
      book.getSheet("Run info").forEach(r -> runInfo.put(String.valueOf(r.getCell(0)), String.valueOf(r.getCell(1))));
      assertThat(runInfo).containsEntry("dns.qps", "auto")
          .containsEntry("dns.qps.per-resolver", "127.0.0.1:" + dns.port() + " none")
          .containsEntry("transport.smtp.per-subnet", "4");
      assertThat(book.getSheet("Findings").getLastRowNum())
          .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM finding", Long.class).intValue());
    }
  }

  @Test
  void csvAndJsonLinesFilesAreWrittenBesideTheWorkbook() throws Exception {
    String workbook = jdbc.queryForObject("SELECT report_file FROM scan_run", String.class);
    String base = workbook.substring(0, workbook.length() - ".xlsx".length());
    List<String> domains = Files.readAllLines(Path.of(base + ".csv"));
    assertThat(domains).hasSize(1 + 17);
    assertThat(domains.get(0)).startsWith("Line,Domain,Vendor,Owner,Verdict (baseline),Score,Grade,spf-valid,"
        + "dmarc-policy,starttls-all-mx,Overall,SPF,SPF detail,DMARC,DMARC detail");
    assertThat(domains).anyMatch(line -> line.contains(",nospf.test,") && line.contains(",NON_COMPLIANT,"));
    assertThat(domains).anyMatch(line -> line.contains("formula.test") && line.contains("\"'=HYPERLINK("));
    long findings = jdbc.queryForObject("SELECT COUNT(*) FROM finding", Long.class);
    assertThat(Files.readAllLines(Path.of(base + "-findings.csv"))).hasSize(1 + (int) findings);
    List<String> json = Files.readAllLines(Path.of(base + ".jsonl"));
    assertThat(json).hasSize(17).allMatch(line -> line.startsWith("{\"run_id\":1,\"line\":"));
    assertThat(json).anyMatch(line -> line.contains("\"domain\":\"nospf.test\"")
        && line.contains("\"verdict\":{\"profile\":\"baseline\",\"compliance\":\"NON_COMPLIANT\""));
    assertThat(jdbc.queryForObject("SELECT parameters FROM scan_run", String.class))
        .contains("report.formats=xlsx,csv,jsonl");
  }

  @Test
  void aBlindResolverMakesDenialsInconclusive() throws Exception {
    Path csv = work.resolve("blind.csv");
    Files.writeString(csv, "domain\ngood.test\ngone.test\n");
    String blindDb = "jdbc:h2:file:" + work.resolve("blind/mailsweep");
    int code = Main.run("scan", csv.toString(), "--resolver", "127.0.0.1:" + dns.port(),
        "--canary", "no-such-name.test", "--out", work.resolve("blind-out").toString(), "--db", blindDb,
        "--dns-timeout", "300ms", "--progress", "0s", "--checks", "spf,dmarc");
    assertThat(code).isEqualTo(3);
    try (Connection c = DriverManager.getConnection(blindDb, "sa", "")) {
      JdbcTemplate t = new JdbcTemplate(new SingleConnectionDataSource(c, true));
      assertThat(t.queryForObject("SELECT resolver_health FROM scan_run", String.class)).startsWith("BLIND");
      assertThat(t.queryForObject("SELECT status FROM domain_result WHERE domain = 'gone.test'", String.class))
          .isEqualTo("INCONCLUSIVE");
      assertThat(t.queryForObject("SELECT reason FROM domain_result WHERE domain = 'gone.test'", String.class))
          .contains("UNRELIABLE").contains("cannot see the internet");
      assertThat(t.queryForObject("SELECT status FROM domain_result WHERE domain = 'good.test'", String.class))
          .isEqualTo("PASS");
    }
  }

  @Test
  void inputColumnsReachTheChecks() throws Exception {
    Path csv = work.resolve("columns.csv");
    Files.writeString(csv, "Domain,DKIM_Selectors,expected_senders\n"
        + "monitor.test,vendorkey,127.0.11.7 127.0.99.1\n" + "good.test,,\n");
    String columnsDb = "jdbc:h2:file:" + work.resolve("columns/mailsweep");
    int code = Main.run("scan", csv.toString(), "--resolver", "127.0.0.1:" + dns.port(), "--canary", "canary.test",
        "--out", work.resolve("columns-out").toString(), "--db", columnsDb, "--progress", "0s");
    assertThat(code).isZero();
    try (Connection c = DriverManager.getConnection(columnsDb, "sa", "")) {
      Map<String, String> detail = new HashMap<>();
      new JdbcTemplate(new SingleConnectionDataSource(c, true)).query("SELECT d.domain || '/' || c.check_name,"
          + " c.summary FROM check_result c JOIN input_row d ON d.id = c.input_row_id", rs -> {
            detail.put(rs.getString(1), rs.getString(2));
          });
      assertThat(detail.get("monitor.test/dkim")).startsWith("vendorkey: rsa 2048");
      assertThat(detail.get("monitor.test/spf")).endsWith("expected senders 1/2 pass");
      assertThat(detail.get("good.test/dkim")).isEqualTo("selector1: rsa 2048");
      assertThat(detail.get("good.test/bimi")).isEqualTo("logo; no certificate; DMARC at enforcement");
    }
  }

  @Test
  void badUsageExitsWithTwoAndScansNothing() throws Exception {
    Path csv = work.resolve("usage.csv");
    Files.writeString(csv, "vendor,website\nA,a.test\n");
    String usageDb = "jdbc:h2:file:" + work.resolve("usage/mailsweep");
    assertThat(Main.run("scan", csv.toString(), "--column", "domain", "--db", usageDb)).isEqualTo(2);
    assertThat(Main.run("scan", csv.toString(), "--checks", "spf,nope", "--db", usageDb)).isEqualTo(2);
    assertThat(Main.run("scan", work.resolve("missing.csv").toString(), "--db", usageDb)).isEqualTo(2);
    assertThat(Main.run("scan", csv.toString(), "--resolver", "dns.example", "--db", usageDb)).isEqualTo(2);
    assertThat(new File(work.resolve("usage").toString())).doesNotExist();
  }

  @Test
  void badTransportOptionsAreExplainedInOneLine() throws Exception {
    Path csv = work.resolve("usage-transport.csv");
    Files.writeString(csv, "domain\na.test\n");
    Path garbage = Files.writeString(work.resolve("garbage.pem"), "not a certificate\n");
    String db = "jdbc:h2:file:" + work.resolve("usage-transport/mailsweep");
    assertThat(errorOf("scan", csv.toString(), "--allow-targets", "127.0.25.0/33", "--db", db))
        .contains("--allow-targets", "invalid prefix");
    assertThat(errorOf("scan", csv.toString(), "--trust-ca", work.resolve("none.pem").toString(), "--db", db))
        .contains("--trust-ca", "none.pem");
    assertThat(errorOf("scan", csv.toString(), "--trust-ca", garbage.toString(), "--db", db))
        .contains("--trust-ca", "garbage.pem", "no PEM certificate");
    assertThat(errorOf("scan", csv.toString(), "--dnssec-trust-anchor", garbage.toString(), "--db", db))
        .contains("--dnssec-trust-anchor", "garbage.pem");
    assertThat(errorOf("scan", csv.toString(), "--ehlo-name", "not a name", "--db", db)).contains("EHLO name");
    assertThat(errorOf("scan", csv.toString(), "--smtp-port", "0", "--db", db)).contains("SMTP port");
    assertThat(new File(work.resolve("usage-transport").toString())).doesNotExist();
  }

  /** Runs a command line that must fail as bad usage; returns its standard error. */
  private static String errorOf(String... args) {
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream saved = System.err;
    System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      assertThat(Main.run(args)).isEqualTo(2);
    } finally {
      System.setErr(saved);
    }
    String text = err.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("Exception").doesNotContain("\tat ");
    return text;
  }

  private static Row find(Sheet sheet, String domain) {
    for (Row row : sheet) {
      if (row.getCell(1) != null && domain.equals(row.getCell(1).getStringCellValue())) {
        return row;
      }
    }
    throw new AssertionError("no row for " + domain);
  }
}
