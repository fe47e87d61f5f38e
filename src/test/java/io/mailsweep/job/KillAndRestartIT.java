package io.mailsweep.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.testing.JarProcess;
import io.mailsweep.testing.db.SqlCount;
import io.mailsweep.testing.dns.LabDnsServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash and restart at scale: the packaged jar scans a synthetic world of 10,000 domains (served by
 * the lab DNS server on loopback) twice at once, each run in its own database. One run goes
 * through uninterrupted; the other gets SIGKILL at a random point of its scan step and is resumed
 * with {@code restart}. Every accepted domain must then have exactly one result, the restart must
 * have scanned only what had not been committed, and its report (CSV, JSON Lines, the workbook's
 * Domains and Findings sheets) must say what the uninterrupted run's says.
 *
 * <p>The kill point is drawn from a seed printed on standard output; {@code
 * -Dmailsweep.kill.seed=N} replays it.
 */
class KillAndRestartIT {
  private static final String SEED_PROPERTY = "mailsweep.kill.seed";
  private static final int DOMAINS = 10_000;
  private static final long WORLD_SEED = 20_251_129L;
  private static final List<String> CHECKS = List.of("spf", "dmarc", "dkim", "mx", "mtasts", "tlsrpt");
  private static final String CHUNK = "100";
  private static final Duration WAIT = Duration.ofMinutes(4);
  /**
   * C1 only and the serial collector: a run this short spends more CPU on C2 compiling and G1's
   * threads than they save, and the two runs share two cores.
   */
  private static final List<String> JVM = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  /** Kept when the test fails: the runs' logs, databases and reports. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path work;

  @Test
  void aRunKilledAtARandomPointOfItsScanResumesToTheReportOfAnUninterruptedRun() throws Exception {
    long started = System.nanoTime();
    long seed = Long.getLong(SEED_PROPERTY, new SecureRandom().nextLong());
    long killAt = DOMAINS * (5 + new Random(seed).nextInt(86)) / 100;
    System.out.printf("KillAndRestartIT: seed %d (-D%s=%d): SIGKILL once %,d of %,d domains are scanned; in %s%n",
        seed, SEED_PROPERTY, seed, killAt, DOMAINS, work);
    Path zones = Files.createDirectories(work.resolve("zones"));
    Path csv = SyntheticWorld.write(WORLD_SEED, DOMAINS, zones, work);
    try (LabDnsServer dns = LabDnsServer.start(zones);
        JarProcess reference = scan("reference", csv, dns);
        JarProcess crashed = scan("crashed", csv, dns)) {
      long seen = crashed.waitForProgress(killAt, WAIT);
      crashed.kill();
      long committed = assertKilledMidScan(seen);
      try (JarProcess restarted = JarProcess.start(work.resolve("restarted.log"), JVM,
          "restart", "1", "--db", db("crashed"), "--chunk", CHUNK)) {
        int restartExit = restarted.await(WAIT);
        int referenceExit = reference.await(WAIT);
        assertThat(referenceExit).as(reference.output()).isZero();
        assertThat(restartExit).as(restarted.output()).isEqualTo(referenceExit);
      }
      assertEachDomainScannedOnce(committed);
    }
    System.out.printf("KillAndRestartIT: both runs done after %d s%n", seconds(started));
    assertSameReport();
    System.out.printf("KillAndRestartIT: reports compared after %d s%n", seconds(started));
  }

  private static long seconds(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();
  }

  private JarProcess scan(String name, Path csv, LabDnsServer dns) throws Exception {
    return JarProcess.start(work.resolve(name + ".log"), JVM, "scan", csv.toString(),
        "--resolver", "127.0.0.1:" + dns.port(),
        "--canary", SyntheticWorld.CANARY, "--db", db(name), "--out", work.resolve(name).toString(),
        "--format", "xlsx,csv,jsonl", "--checks", String.join(",", CHECKS), "--smtp-canary", "none",
        "--threads", "2", "--partitions", "8", "--chunk", CHUNK, "--dns-in-flight", "200",
        "--dns-timeout", "5s", "--domain-deadline", "2m", "--progress", "100ms");
  }

  private String db(String name) {
    return "jdbc:h2:file:" + work.resolve(name + "-db/mailsweep");
  }

  /**
   * The killed run is in the middle of its scan step; returns how many results it committed. Reads
   * a copy of its database, so that recovering from the kill is left to {@code restart}.
   */
  private long assertKilledMidScan(long seen) throws IOException, SQLException {
    Path copy = Files.createDirectories(work.resolve("killed-db"));
    Files.copy(work.resolve("crashed-db/mailsweep.mv.db"), copy.resolve("mailsweep.mv.db"));
    String db = "jdbc:h2:file:" + copy.resolve("mailsweep");
    long committed = SqlCount.of(db, "SELECT COUNT(*) FROM domain_result");
    System.out.printf("KillAndRestartIT: killed at %,d domains scanned, %,d committed%n", seen, committed);
    assertThat(seen).as("killed mid-scan").isLessThan(DOMAINS);
    assertThat(committed).isLessThan(DOMAINS);
    assertThat(SqlCount.of(db, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'STARTED'")).isEqualTo(1);
    assertThat(SqlCount.of(db, "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION"
        + " WHERE STEP_NAME = 'scanDomains' AND STATUS = 'STARTED'")).isEqualTo(1);
    return committed;
  }

  private void assertEachDomainScannedOnce(long committedBeforeKill) throws SQLException {
    String db = db("crashed");
    assertThat(SqlCount.of(db, "SELECT COUNT(*) FROM input_row WHERE disposition = 'ACCEPTED'")).isEqualTo(DOMAINS);
    assertThat(SqlCount.of(db, "SELECT COUNT(*) FROM input_row r WHERE r.disposition = 'ACCEPTED' AND 1 <>"
        + " (SELECT COUNT(*) FROM domain_result d WHERE d.input_row_id = r.id)")).as("domains without one result")
        .isZero();
    assertThat(SqlCount.of(db, "SELECT COUNT(*) FROM domain_result")).isEqualTo(DOMAINS);
    assertThat(SqlCount.of(db, "SELECT COUNT(DISTINCT domain) FROM domain_result")).isEqualTo(DOMAINS);
    assertThat(SqlCount.of(db, "SELECT COUNT(*) FROM check_result")).isEqualTo((long) CHECKS.size() * DOMAINS);
    long rescanned = SqlCount.of(db, "SELECT COALESCE(SUM(READ_COUNT), 0) FROM BATCH_STEP_EXECUTION"
        + " WHERE STEP_NAME LIKE 'scanPartition:%' AND JOB_EXECUTION_ID ="
        + " (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION)");
    assertThat(rescanned).as("the restart scans only what was not committed")
        .isEqualTo(DOMAINS - committedBeforeKill);
    assertThat(SqlCount.of(db, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(2);
    assertThat(SqlCount.of(db, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'COMPLETED'")).isEqualTo(1);
    assertThat(SqlCount.of(db, "SELECT COUNT(*) FROM scan_run WHERE status = 'COMPLETED'")).isEqualTo(1);
  }

  /** Reads the two reports side by side, one on a thread of its own. */
  private void assertSameReport() throws Exception {
    ExecutorService reader = Executors.newSingleThreadExecutor();
    try {
      Future<ReportContents> reference = reader.submit(() -> ReportContents.read(work.resolve("reference")));
      ReportContents restarted = ReportContents.read(work.resolve("crashed"));
      assertSameReport(reference.get(WAIT.toSeconds(), TimeUnit.SECONDS), restarted);
    } finally {
      reader.shutdownNow();
    }
  }

  private static void assertSameReport(ReportContents reference, ReportContents restarted) {
    System.out.println("KillAndRestartIT: lines compared " + reference.sizes());
    assertThat(reference.sizes().get("domains CSV")).isEqualTo(DOMAINS + 1);
    assertThat(reference.differences(restarted)).as("the restarted run's report against the uninterrupted run's")
        .isEmpty();
  }
}
