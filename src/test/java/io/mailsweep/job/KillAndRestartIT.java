package io.mailsweep.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.testing.dns.LabDnsServer;
import java.io.IOException;
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
 * Runs the packaged jar as a separate process, kills it with SIGKILL in the middle of the scan
 * step, restarts the run and checks that every domain has exactly one result, that the restart
 * scanned only what had not been committed, and that the run completed.
 */
class KillAndRestartIT {
  private static final int DOMAINS = 600;
  private static final Pattern PROGRESS = Pattern.compile("scan: ([\\d,]+)/");

  @TempDir Path work;

  @Test
  void aKilledRunResumesWithoutLosingOrRepeatingDomains() throws Exception {
    Path zones = Files.createDirectories(work.resolve("zones"));
    Path csv = writeWorld(zones);
    try (LabDnsServer dns = LabDnsServer.start(zones)) {
      dns.setLatency(Duration.ofMillis(150));
      String db = "jdbc:h2:file:" + work.resolve("db/mailsweep");
      Process first = start(work.resolve("first.log"), "scan", csv.toString(),
          "--resolver", "127.0.0.1:" + dns.port(), "--canary", "canary.bulk.test", "--db", db,
          "--out", work.resolve("out").toString(), "--threads", "2", "--partitions", "4",
          "--chunk", "10", "--progress", "100ms", "--dns-timeout", "2s", "--checks", "spf,dmarc");
      long seen = waitForProgress(first, work.resolve("first.log"), 240);
      first.destroyForcibly();
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(seen).as("killed mid-scan").isLessThan(DOMAINS);

      long committed = count(db, "SELECT COUNT(*) FROM domain_result");
      assertThat(committed).isBetween(1L, DOMAINS - 1L);
      assertThat(count(db, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'STARTED'")).isEqualTo(1);

      Process second = start(work.resolve("second.log"), "restart", "1", "--db", db, "--chunk", "10");
      assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(second.exitValue()).as(Files.readString(work.resolve("second.log"))).isZero();

      assertThat(count(db, "SELECT COUNT(*) FROM domain_result")).isEqualTo(DOMAINS);
      assertThat(count(db, "SELECT COUNT(DISTINCT domain) FROM domain_result")).isEqualTo(DOMAINS);
      assertThat(count(db, "SELECT COUNT(*) FROM check_result")).isEqualTo(2L * DOMAINS);
      assertThat(count(db, "SELECT COUNT(*) FROM input_row")).isEqualTo(DOMAINS);
      assertThat(count(db, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(2);
      assertThat(count(db, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'COMPLETED'")).isEqualTo(1);
      long rescanned = count(db, "SELECT COALESCE(SUM(s.READ_COUNT), 0) FROM BATCH_STEP_EXECUTION s"
          + " WHERE s.STEP_NAME LIKE 'scanPartition:%' AND s.JOB_EXECUTION_ID ="
          + " (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION)");
      assertThat(rescanned).as("the restart scans only what was not committed").isEqualTo(DOMAINS - committed);
      assertThat(count(db, "SELECT COUNT(*) FROM scan_run WHERE status = 'COMPLETED'")).isEqualTo(1);
      try (var files = Files.list(work.resolve("out"))) {
        assertThat(files.filter(p -> p.toString().endsWith(".xlsx")).count()).isEqualTo(1);
      }
    }
  }

  private Path writeWorld(Path zones) throws IOException {
    StringBuilder zone = new StringBuilder("""
        $ORIGIN bulk.test.
        $TTL 300
        @       IN SOA ns hostmaster 1 3600 600 86400 60
        @       IN NS  ns
        ns      IN A   127.0.0.1
        canary  IN A   127.0.0.1
        """);
    List<String> lines = new ArrayList<>(List.of("vendor,domain"));
    for (int i = 0; i < DOMAINS; i++) {
      zone.append("d").append(i).append(" IN TXT \"v=spf1 -all\"\n");
      zone.append("_dmarc.d").append(i).append(" IN TXT \"v=DMARC1; p=reject\"\n");
      lines.add("Vendor " + i + ",d" + i + ".bulk.test");
    }
    Files.writeString(zones.resolve("bulk.zone"), zone);
    return Files.write(work.resolve("bulk.csv"), lines);
  }

  private static Process start(Path log, String... args) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-Ddnsjava.nio.selector_timeout=50",
        "-jar", Path.of("target/mailsweep.jar").toAbsolutePath().toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** Waits until the progress line shows at least {@code atLeast} domains; returns the count seen. */
  private static long waitForProgress(Process p, Path log, long atLeast) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      assertThat(p.isAlive()).as("scan still running: " + Files.readString(log)).isTrue();
      Matcher m = PROGRESS.matcher(Files.readString(log));
      long last = -1;
      while (m.find()) {
        last = Long.parseLong(m.group(1).replace(",", ""));
      }
      if (last >= atLeast) {
        return last;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no progress: " + Files.readString(log));
  }

  private static long count(String db, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(db, "sa", "")) {
      Long n = new JdbcTemplate(new SingleConnectionDataSource(c, true)).queryForObject(sql, Long.class);
      return n == null ? 0 : n;
    }
  }
}
