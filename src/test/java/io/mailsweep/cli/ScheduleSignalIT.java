package io.mailsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.testing.dns.LabDnsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The packaged jar's {@code schedule} gets SIGTERM in the middle of a run: the run must stop at a
 * chunk boundary with its database still open (H2's own shutdown hook used to close it under the
 * run), end STOPPED, and complete with {@code restart}. Waits for the next minute to fire.
 */
class ScheduleSignalIT {
  private static final int DOMAINS = 300;
  private static final Pattern PROGRESS = Pattern.compile("scan: ([\\d,]+)/");

  @TempDir Path work;

  @Test
  void sigtermStopsTheRunResumablyInsteadOfLettingH2CloseTheDatabaseUnderIt() throws Exception {
    Path zones = Files.createDirectories(work.resolve("zones"));
    Path csv = world(zones);
    String db = "jdbc:h2:file:" + work.resolve("db/mailsweep");
    try (LabDnsServer dns = LabDnsServer.start(zones)) {
      dns.setLatency(Duration.ofMillis(150));
      Files.writeString(Files.createDirectories(work.resolve("jobs")).resolve("bulk.yml"), """
          name: bulk
          input: %s
          resolvers: [127.0.0.1:%d]
          canary: [canary.bulk.test]
          checks: [spf, dmarc]
          db: %s
          out: ../reports
          schedule: "* * * * *"
          progress: 100ms
          threads: 2
          partitions: 4
          chunk: 10
          """.formatted(csv, dns.port(), db));
      Path log = work.resolve("schedule.log");
      Process schedule = start(log, "schedule", "--stop-timeout", "60s", work.resolve("jobs").toString());
      waitForProgress(schedule, log, 30);
      schedule.destroy();
      assertThat(schedule.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String output = Files.readString(log);
      assertThat(schedule.exitValue()).as(output).isEqualTo(143);
      assertThat(output).contains("schedule: stopping", "Resume with: mailsweep restart 1",
          "schedule: stopped after 1 run").doesNotContain("Database is already closed");
      assertThat(count(db, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'STOPPED'")).isEqualTo(1);
      assertThat(count(db, "SELECT COUNT(*) FROM domain_result")).isBetween(1L, DOMAINS - 1L);

      Process restart = start(work.resolve("restart.log"), "restart", "1", "--db", db, "--chunk", "10");
      assertThat(restart.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(restart.exitValue()).as(Files.readString(work.resolve("restart.log"))).isZero();
    }
    assertThat(count(db, "SELECT COUNT(DISTINCT domain) FROM domain_result")).isEqualTo(DOMAINS);
    assertThat(count(db, "SELECT COUNT(*) FROM domain_result")).isEqualTo(DOMAINS);
  }

  /** Waits out the next minute boundary, the context start and {@code atLeast} scanned domains. */
  private static void waitForProgress(Process p, Path log, long atLeast) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
    while (System.nanoTime() < deadline) {
      assertThat(p.isAlive()).as(Files.readString(log)).isTrue();
      Matcher m = PROGRESS.matcher(Files.readString(log));
      long last = -1;
      while (m.find()) {
        last = Long.parseLong(m.group(1).replace(",", ""));
      }
      if (last >= atLeast) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the scheduled run made no progress: " + Files.readString(log));
  }

  private Path world(Path zones) throws Exception {
    StringBuilder zone = new StringBuilder("""
        $ORIGIN bulk.test.
        $TTL 300
        @       IN SOA ns hostmaster 1 3600 600 86400 60
        @       IN NS  ns
        ns      IN A   127.0.0.1
        canary  IN A   127.0.0.1
        """);
    StringBuilder csv = new StringBuilder("vendor,domain\n");
    for (int i = 0; i < DOMAINS; i++) {
      zone.append("d").append(i).append(" IN TXT \"v=spf1 -all\"\n");
      zone.append("_dmarc.d").append(i).append(" IN TXT \"v=DMARC1; p=reject\"\n");
      csv.append("Vendor ").append(i).append(",d").append(i).append(".bulk.test\n");
    }
    Files.writeString(zones.resolve("bulk.zone"), zone);
    return Files.writeString(work.resolve("bulk.csv"), csv);
  }

  private static Process start(Path log, String... args) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-Ddnsjava.nio.selector_timeout=50",
        "-jar", Path.of("target/mailsweep.jar").toAbsolutePath().toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static long count(String db, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(db, "sa", "")) {
      Long n = new JdbcTemplate(new SingleConnectionDataSource(c, true)).queryForObject(sql, Long.class);
      return n == null ? 0 : n;
    }
  }
}
