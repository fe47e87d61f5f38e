package io.mailsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.schedule.FakeTime;
import io.mailsweep.testing.db.SqlCount;
import io.mailsweep.testing.dns.LabDnsServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import picocli.CommandLine;

/**
 * {@code mailsweep schedule} end to end, in process: a fake clock fires two job files that scan
 * the lab (served by the in-process DNS server) one after the other in this JVM, each writes its
 * workbook under its own name pattern, then the schedule stops cleanly.
 */
class ScheduleCommandTest {
  private static final Path LAB = Path.of("samples/lab").toAbsolutePath();

  @TempDir Path work;

  private String jobFile(String name, String schedule, String zone, String reportName, int port) {
    return """
        name: %s
        input: %s
        resolvers: [127.0.0.1:%d]
        canary: [canary.test]
        checks: [spf, dmarc]
        db: jdbc:h2:file:%s
        out: ../reports
        report-name: "%s"
        schedule: "%s"
        timezone: %s
        progress: 0s
        dns-timeout: 300ms
        dns-retries: 1
        dns-backoff: 20ms
        threads: 2
        chunk: 4
        """.formatted(name, LAB.resolve("vendors-lab.csv"), port, work.resolve("db/mailsweep"), reportName,
        schedule, zone);
  }

  @Test
  void firesTwoJobsThatScanTheLabAndWriteTheirReportsThenStops() throws Exception {
    StringWriter out = new StringWriter();
    try (LabDnsServer dns = LabDnsServer.start(LAB, LAB.resolve("faults.txt"))) {
      Path jobs = Files.createDirectories(work.resolve("jobs"));
      Files.writeString(jobs.resolve("alpha.yml"), jobFile("alpha", "0 2 * * *", "UTC", "{job}-{date}-{run}.xlsx",
          dns.port()));
      Files.writeString(jobs.resolve("beta.yml"), jobFile("beta", "30 3 * * *", "Europe/Berlin",
          "vendors-{job}-run{run}.xlsx", dns.port()));
      ScheduleCommand command = new ScheduleCommand();
      FakeTime time = new FakeTime(Instant.parse("2026-01-15T01:58:00Z"));
      command.clock = time;
      command.sleeper = time;
      time.onSleep(now -> {
        if (!now.isBefore(Instant.parse("2026-01-15T03:00:00Z"))) {
          command.requestStop();
        }
      });
      CommandLine cli = new CommandLine(command);
      cli.setOut(new PrintWriter(out));
      cli.setErr(new PrintWriter(out));
      assertThat(cli.execute(jobs.toString())).as(out.toString()).isZero();
    }
    String log = out.toString();
    assertThat(log)
        .contains("2026-01-15T01:58:00Z alpha: \"0 2 * * *\" UTC (" + work.resolve("jobs/alpha.yml")
            + "); next run 2026-01-15 02:00 UTC (in 2m)")
        .contains("beta: \"30 3 * * *\" Europe/Berlin (" + work.resolve("jobs/beta.yml")
            + "); next run 2026-01-15 03:30 +01:00 Europe/Berlin (in 32m)")
        .contains("2026-01-15T02:00:00Z alpha: run starts", "2026-01-15T02:30:00Z beta: run starts")
        .contains("mailsweep run 1: COMPLETED", "mailsweep run 2: COMPLETED")
        .contains("alpha: run ended with exit code 3; next run 2026-01-16 02:00 UTC")
        .contains("beta: run ended with exit code 3; next run 2026-01-16 03:30 +01:00 Europe/Berlin")
        .contains("schedule: stopped after 2 runs");

    List<String> reports;
    try (Stream<Path> files = Files.list(work.resolve("reports"))) {
      reports = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(reports).hasSize(2);
    assertThat(reports.get(0)).matches("alpha-\\d{4}-\\d{2}-\\d{2}-1\\.xlsx");
    assertThat(reports.get(1)).isEqualTo("vendors-beta-run2.xlsx");
    for (String report : reports) {
      try (XSSFWorkbook workbook = new XSSFWorkbook(work.resolve("reports").resolve(report).toFile())) {
        assertThat(workbook.getSheet("Domains")).isNotNull();
        assertThat(workbook.getSheet("Domains").getLastRowNum()).isGreaterThanOrEqualTo(17);
      }
    }
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + work.resolve("db/mailsweep"), "sa", "")) {
      JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(c, true));
      Map<Long, String> runs = jdbc.queryForList("SELECT id, job_name, status, report_file FROM scan_run ORDER BY id")
          .stream().collect(Collectors.toMap(r -> ((Number) r.get("ID")).longValue(),
              r -> r.get("JOB_NAME") + " " + r.get("STATUS") + " "
                  + Path.of((String) r.get("REPORT_FILE")).getFileName()));
      assertThat(runs).containsOnlyKeys(1L, 2L);
      assertThat(runs.get(1L)).startsWith("alpha COMPLETED alpha-");
      assertThat(runs.get(2L)).isEqualTo("beta COMPLETED vendors-beta-run2.xlsx");
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_result", Long.class)).isEqualTo(34);
    }
  }

  /**
   * SIGTERM during a run: the run stops at a chunk boundary (STOPPED in the job repository), the
   * schedule ends, and {@code mailsweep restart} completes the run without scanning a domain twice.
   */
  @Test
  void aSignalDuringARunStopsItResumablyAndEndsTheSchedule() throws Exception {
    int domains = 400;
    Path zones = Files.createDirectories(work.resolve("zones"));
    Path csv = bulkWorld(zones, domains);
    String db = "jdbc:h2:file:" + work.resolve("db/mailsweep");
    StringWriter out = new StringWriter();
    try (LabDnsServer dns = LabDnsServer.start(zones)) {
      dns.setLatency(Duration.ofMillis(100));
      Path job = Files.writeString(work.resolve("bulk.yml"), """
          name: bulk
          input: %s
          resolvers: [127.0.0.1:%d]
          canary: [canary.bulk.test]
          checks: [spf, dmarc]
          db: %s
          out: reports
          schedule: "0 2 * * *"
          progress: 0s
          threads: 2
          partitions: 4
          chunk: 10
          """.formatted(csv, dns.port(), db));
      ScheduleCommand command = new ScheduleCommand();
      FakeTime time = new FakeTime(Instant.parse("2026-01-15T01:59:00Z"));
      command.clock = time;
      command.sleeper = time;
      CommandLine cli = new CommandLine(command);
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(out, true));
      ExecutorService thread = Executors.newSingleThreadExecutor();
      try {
        Future<Integer> exit = thread.submit(() -> cli.execute(job.toString()));
        waitForCommittedDomains(db, exit);
        command.onSignal();
        assertThat(exit.get(5, TimeUnit.SECONDS)).isZero();
      } finally {
        thread.shutdownNow();
      }
      assertThat(out.toString()).contains("schedule: stopping", "mailsweep run 1: FAILED",
          "Resume with: mailsweep restart 1", "bulk: run ended with exit code 1 while the schedule was stopping",
          "schedule: stopped after 1 run");
      assertThat(SqlCount.of(db, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'STOPPED'")).isEqualTo(1);
      long committed = SqlCount.of(db, "SELECT COUNT(*) FROM domain_result");
      assertThat(committed).as("stopped mid-scan").isBetween(1L, domains - 1L);

      assertThat(Main.run("restart", "1", "--db", db, "--chunk", "10")).isZero();
    }
    assertThat(SqlCount.of(db, "SELECT COUNT(*) FROM domain_result")).isEqualTo(domains);
    assertThat(SqlCount.of(db, "SELECT COUNT(DISTINCT domain) FROM domain_result")).isEqualTo(domains);
    assertThat(SqlCount.of(db, "SELECT COUNT(*) FROM scan_run WHERE status = 'COMPLETED'")).isEqualTo(1);
  }

  private static void waitForCommittedDomains(String db, Future<Integer> exit) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      assertThat(exit.isDone()).as("the schedule is still running").isFalse();
      if (Files.exists(Path.of(db.substring("jdbc:h2:file:".length()) + ".mv.db"))
          && SqlCount.of(db, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'DOMAIN_RESULT'") > 0
          && SqlCount.of(db, "SELECT COUNT(*) FROM domain_result") > 0) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no domain was committed within 60 s");
  }

  private Path bulkWorld(Path zones, int domains) throws Exception {
    StringBuilder zone = new StringBuilder("""
        $ORIGIN bulk.test.
        $TTL 300
        @       IN SOA ns hostmaster 1 3600 600 86400 60
        @       IN NS  ns
        ns      IN A   127.0.0.1
        canary  IN A   127.0.0.1
        """);
    StringBuilder csv = new StringBuilder("vendor,domain\n");
    for (int i = 0; i < domains; i++) {
      zone.append("d").append(i).append(" IN TXT \"v=spf1 -all\"\n");
      zone.append("_dmarc.d").append(i).append(" IN TXT \"v=DMARC1; p=reject\"\n");
      csv.append("Vendor ").append(i).append(",d").append(i).append(".bulk.test\n");
    }
    Files.writeString(zones.resolve("bulk.zone"), zone);
    return Files.writeString(work.resolve("bulk.csv"), csv);
  }
}
