package io.mailsweep.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.mailsweep.cli.Main;
import io.mailsweep.testing.dns.LabDnsServer;
import io.mailsweep.testing.smtp.LabSmtpServer;
import io.mailsweep.testing.smtp.Scenario;
import io.mailsweep.testing.tls.HeldCertificate;
import io.mailsweep.testing.tls.TestCa;
import java.net.InetSocketAddress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Two scans of a changing lab world through the command line, in process: between them
 * downgrade.test's DMARC goes from p=reject to p=none, newfinding.test drops its rua= (a new
 * finding that leaves the check passing), removed.test leaves the input and added.test joins it,
 * and stable.test's mail server (a lab SMTP server on 127.0.28.1) presents a new certificate.
 * The second run's workbook lists the same changes on its Changes sheet.
 * {@code mailsweep diff 1 2} and the drift read from the database list exactly those changes; a
 * third scan with {@code --keep-runs 1} prunes what no report refers to any more.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoScansDriftTest {
  private static final String HEAD = "$ORIGIN test.\n$TTL 300\n@ IN SOA ns.test. hostmaster.test. 1 3600 600 86400 60\n"
      + "@ IN NS ns.test.\nns IN A 127.0.0.1\ncanary IN A 127.0.0.1\n";

  @TempDir static Path work;
  static String db;
  static Connection connection;
  static JdbcTemplate jdbc;
  static SingleConnectionDataSource dataSource;
  static LabDnsServer dns;
  static int[] exitCodes = new int[2];
  static LabSmtpServer smtp;
  static int smtpPort;

  /** The lab mail server of stable.test, on the same address and port, with a certificate of its own. */
  private static void mailServer(HeldCertificate certificate) throws Exception {
    if (smtp != null) {
      smtp.close();
    }
    smtp = LabSmtpServer.start(Scenario.starttls(certificate).protocols("TLSv1.3", "TLSv1.2")
        .build(), new InetSocketAddress("127.0.28.1", smtpPort));
    smtpPort = smtp.address().getPort();
  }

  private static String vendor(String name, String dmarc) {
    return name + " IN TXT \"v=spf1 -all\"\n_dmarc." + name + " IN TXT \"" + dmarc + "\"\n";
  }

  private static String world(String downgrade, String newfinding) {
    return HEAD + "stable IN MX 10 mx.stable\nmx.stable IN A 127.0.28.1\n"
        + vendor("stable", "v=DMARC1; p=reject; rua=mailto:d@stable.test")
        + vendor("downgrade", downgrade) + vendor("newfinding", newfinding)
        + vendor("removed", "v=DMARC1; p=reject; rua=mailto:d@removed.test")
        + vendor("added", "v=DMARC1; p=reject; rua=mailto:d@added.test");
  }

  /** Serves {@code zone} from a folder of its own, replacing the server of the previous world. */
  private static void serve(String name, String zone) throws Exception {
    Path dir = Files.createDirectories(work.resolve(name));
    Files.writeString(dir.resolve("test.zone"), zone);
    if (dns != null) {
      dns.close();
    }
    dns = LabDnsServer.start(dir);
  }

  static int scan(String csv, String... more) throws Exception {
    Path input = Files.writeString(work.resolve("vendors-" + csv.hashCode() + ".csv"), csv);
    List<String> args = new ArrayList<>(List.of("scan", input.toString(), "--job-name", "drift",
        "--resolver", "127.0.0.1:" + dns.port(), "--canary", "canary.test", "--out", work.resolve("out").toString(),
        "--db", db, "--dns-timeout", "500ms", "--progress", "0s", "--checks", "spf,dmarc,starttls",
        "--allow-targets", "127.0.28.0/24", "--smtp-port", Integer.toString(smtpPort), "--smtp-canary", "none",
        "--no-tls-versions", "--no-weak-ciphers"));
    args.addAll(List.of(more));
    return Main.run(args.toArray(String[]::new));
  }

  @BeforeAll
  static void scanTwice() throws Exception {
    db = "jdbc:h2:file:" + work.resolve("db/mailsweep");
    mailServer(TestCa.selfSigned("mx.stable.test"));
    serve("world1", world("v=DMARC1; p=reject; rua=mailto:d@downgrade.test",
        "v=DMARC1; p=reject; rua=mailto:d@newfinding.test"));
    exitCodes[0] = scan("vendor,domain\nS,stable.test\nD,downgrade.test\nN,newfinding.test\nR,removed.test\n");
    mailServer(TestCa.create("Stable Lab CA").issue("mx.stable.test"));
    serve("world2", world("v=DMARC1; p=none; rua=mailto:d@downgrade.test", "v=DMARC1; p=reject"));
    exitCodes[1] = scan("vendor,domain\nS,stable.test\nD,downgrade.test\nN,newfinding.test\nA,added.test\n");
    connection = DriverManager.getConnection(db, "sa", "");
    dataSource = new SingleConnectionDataSource(connection, true);
    jdbc = new JdbcTemplate(dataSource);
  }

  @AfterAll
  static void stop() throws Exception {
    connection.close();
    dns.close();
    smtp.close();
  }

  /** Runs a command in process; returns its exit code and what it printed from {@code first} on. */
  private static List<String> output(int expectedCode, String first, String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.run(args)).isEqualTo(expectedCode);
    } finally {
      System.setOut(saved);
    }
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    int start = 0;
    while (start < lines.size() && !lines.get(start).startsWith(first)) {
      start++;
    }
    return lines.subList(Math.min(start, lines.size()), lines.size());
  }

  @Test
  @Order(1)
  void bothScansCompleteWithEveryDomainConclusive() {
    assertThat(exitCodes).containsExactly(0, 0);
  }

  @Test
  @Order(2)
  void diffPrintsExactlyTheChangesOfTheWorld() {
    List<String> lines = output(0, "changes from", "diff", "1", "2", "--db", db);
    assertThat(lines.get(0)).matches("changes from run 1 \\(job drift, started .* UTC, COMPLETED\\) to run 2"
        + " \\(job drift, started .* UTC, COMPLETED\\)");
    assertThat(lines).hasSize(10);
    assertThat(lines.subList(1, 8)).containsExactly(
        "added.test  DOMAIN_ADDED  - -> PASS  (SPF PASS; DMARC PASS; STARTTLS NOT_APPLICABLE)",
        "downgrade.test  POLICY_DOWNGRADED  DMARC  reject -> none  (status PASS -> WARN;"
            + " p=reject; pct=100; rua ok; aspf=r adkim=r -> p=none; pct=100; rua ok; aspf=r adkim=r)",
        "downgrade.test  FINDING_NEW  DMARC  - -> DMARC_POLICY_NONE  (p=none; pct=100; rua ok; aspf=r adkim=r)",
        "newfinding.test  FINDING_NEW  DMARC  - -> DMARC_NO_RUA  (p=reject; pct=100; no rua; aspf=r adkim=r)",
        "removed.test  DOMAIN_REMOVED  PASS -> -  (SPF PASS; DMARC PASS; STARTTLS NOT_APPLICABLE)",
        "stable.test  FINDING_NEW  STARTTLS  - -> CERT_UNTRUSTED  (STARTTLS yes (1/1 addresses); worst TLSv1.3)",
        "stable.test  FINDING_RESOLVED  STARTTLS  CERT_SELF_SIGNED -> -  (STARTTLS yes (1/1 addresses); worst TLSv1.3)");
    assertThat(lines.get(8)).matches("mx\\.stable\\.test  CERTIFICATE_CHANGED  STARTTLS  subject CN=mx\\.stable\\.test;"
        + " issuer CN=mx\\.stable\\.test; expires \\S+ -> subject CN=mx\\.stable\\.test; issuer CN=Stable Lab CA;"
        + " expires \\S+  \\(mail server mx\\.stable\\.test 127\\.0\\.28\\.1:" + smtpPort + "\\)");
    assertThat(lines.get(9)).isEqualTo("8 changes: 1 DOMAIN_ADDED, 1 DOMAIN_REMOVED, 1 POLICY_DOWNGRADED,"
        + " 3 FINDING_NEW, 1 FINDING_RESOLVED, 1 CERTIFICATE_CHANGED");
  }

  @Test
  @Order(3)
  void diffWithAProfileAlsoListsVerdictChanges() throws Exception {
    Path profile = Files.writeString(work.resolve("dmarc-reject.yml"), """
        name: dmarc-reject
        title: DMARC at p=reject
        rules:
          - id: dmarc-reject
            title: DMARC at p=reject
            rationale: Spoofed mail is rejected only under p=reject.
            remediation: Publish p=reject.
            reference: RFC 7489 §6.3
            pass-if: {check: dmarc, attribute: policy, equals: reject}
        """);
    List<String> lines = output(0, "changes from", "diff", "1", "2", "--profile", profile.toString(), "--db", db);
    assertThat(lines).anyMatch(l -> l.startsWith("downgrade.test  NEWLY_NON_COMPLIANT"));
    assertThat(lines).noneMatch(l -> l.startsWith("stable.test  NEWLY"));
    assertThat(lines.get(lines.size() - 1)).contains("1 NEWLY_NON_COMPLIANT");
    assertThat(Main.run("diff", "1", "2", "--profile", "no-such-profile", "--db", db)).isEqualTo(2);
  }

  @Test
  @Order(4)
  void theDriftFromTheDatabaseHasTheSameChanges() {
    Drift drift = new Drift(dataSource, DiffSettings.DEFAULTS);
    assertThat(drift.previous(2)).map(r -> r.id()).contains(1L);
    List<Change> changes = new ArrayList<>();
    drift.compare(1, 2, changes::add);
    assertThat(changes).extracting(Change::domain, Change::kind, Change::check, Change::before, Change::after)
        .containsExactly(
            tuple("added.test", ChangeKind.DOMAIN_ADDED, null, null, "PASS"),
            tuple("downgrade.test", ChangeKind.POLICY_DOWNGRADED, "dmarc", "reject", "none"),
            tuple("downgrade.test", ChangeKind.FINDING_NEW, "dmarc", null, "DMARC_POLICY_NONE"),
            tuple("newfinding.test", ChangeKind.FINDING_NEW, "dmarc", null, "DMARC_NO_RUA"),
            tuple("removed.test", ChangeKind.DOMAIN_REMOVED, null, "PASS", null),
            tuple("stable.test", ChangeKind.FINDING_NEW, "starttls", null, "CERT_UNTRUSTED"),
            tuple("stable.test", ChangeKind.FINDING_RESOLVED, "starttls", "CERT_SELF_SIGNED", null),
            tuple("mx.stable.test", ChangeKind.CERTIFICATE_CHANGED, "starttls", changes.get(7).before(),
                changes.get(7).after()));
    assertThat(changes.get(7).before()).contains("issuer CN=mx.stable.test");
    assertThat(changes.get(7).after()).contains("issuer CN=Stable Lab CA");
  }

  @Test
  @Order(5)
  void theSecondWorkbooksChangesSheetListsTheSameChanges() throws Exception {
    String report = jdbc.queryForObject("SELECT report_file FROM scan_run WHERE id = 2", String.class);
    List<String> printed = output(0, "changes from", "diff", "1", "2", "--db", db);
    try (XSSFWorkbook book = new XSSFWorkbook(Path.of(report).toFile())) {
      Sheet sheet = book.getSheet("Changes");
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("Changes since run 1 of job drift");
      List<String> rows = new ArrayList<>();
      for (int r = 2; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        rows.add(row.getCell(0).getStringCellValue() + "  " + row.getCell(1).getStringCellValue());
      }
      assertThat(rows).hasSize(printed.size() - 2);
      for (int i = 0; i < rows.size(); i++) {
        String[] words = printed.get(i + 1).split("  ");
        assertThat(rows.get(i)).as("row %d", i).startsWith(words[0] + "  ");
      }
      assertThat(rows).anyMatch(r -> r.startsWith("mx.stable.test"));
    }
  }

  @Test
  @Order(6)
  void historyListsBothRunsNewestFirst() {
    List<String> lines = output(0, "RUN", "history", "--job", "drift", "--db", db);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).matches("RUN +JOB +STARTED \\(UTC\\) +STATUS +DOMAINS +INCONCLUSIVE +REPORT");
    assertThat(lines.get(1)).matches("  2  drift  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  COMPLETED  +4  +0  .*\\.xlsx");
    assertThat(lines.get(2)).matches("  1  drift  .*  COMPLETED  +4  +0  .*mailsweep-report-.*\\.xlsx");
    assertThat(output(0, "no runs", "history", "--job", "nobody", "--db", db)).containsExactly("no runs of job nobody");
  }

  @Test
  @Order(7)
  void keepRunsPrunesWhatNoReportRefersTo() throws Exception {
    for (String report : jdbc.queryForList("SELECT report_file FROM scan_run", String.class)) {
      Files.delete(Path.of(report));
    }
    // Run 3 keeps itself; run 2 is what run 3's report compares with; run 1 has no report left.
    List<String> lines = output(0, "mailsweep run 3", "scan", Files.writeString(work.resolve("third.csv"),
        "domain\nstable.test\n").toString(), "--job-name", "drift", "--resolver", "127.0.0.1:" + dns.port(),
        "--canary", "canary.test", "--out", work.resolve("out").toString(), "--db", db, "--progress", "0s",
        "--checks", "spf,dmarc", "--keep-runs", "1");
    assertThat(lines).contains("  retention: keep 1 runs of job drift: deleted run 1; kept older run 2"
        + " (a report on disk refers to it, or it has not finished)");
    assertThat(jdbc.queryForList("SELECT id FROM scan_run ORDER BY id", Long.class)).containsExactly(2L, 3L);
    assertThat(jdbc.queryForList("SELECT DISTINCT run_id FROM input_row ORDER BY run_id", Long.class))
        .containsExactly(2L, 3L);
    assertThat(jdbc.queryForList("SELECT PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS WHERE PARAMETER_NAME ="
        + " 'run.id' ORDER BY PARAMETER_VALUE", String.class)).containsExactly("2", "3");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE", Long.class)).isEqualTo(2);
    assertThat(Main.run("diff", "1", "3", "--db", db)).isEqualTo(2);
    assertThat(Main.run("scan", "x.csv", "--keep-runs", "0", "--db", db)).isEqualTo(2);
  }
}
