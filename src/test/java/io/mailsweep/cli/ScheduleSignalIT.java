package io.mailsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.testing.JarProcess;
import io.mailsweep.testing.db.SqlCount;
import io.mailsweep.testing.dns.LabDnsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar's {@code schedule} gets SIGTERM in the middle of a run: the run must stop at a
 * chunk boundary with its database still open (H2's own shutdown hook used to close it under the
 * run), end STOPPED, and complete with {@code restart}. Waits for the next minute to fire.
 */
class ScheduleSignalIT {
  private static final int DOMAINS = 300;

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
      try (JarProcess schedule = JarProcess.start(work.resolve("schedule.log"),
          "schedule", "--stop-timeout", "60s", work.resolve("jobs").toString())) {
        // Waits out the next minute boundary and the context start too.
        schedule.waitForProgress(30, Duration.ofSeconds(150));
        schedule.terminate();
        int exit = schedule.await(Duration.ofSeconds(60));
        String output = schedule.output();
        assertThat(exit).as(output).isEqualTo(143);
        assertThat(output).contains("schedule: stopping", "Resume with: mailsweep restart 1",
            "schedule: stopped after 1 run").doesNotContain("Database is already closed");
      }
      assertThat(SqlCount.of(db, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'STOPPED'")).isEqualTo(1);
      assertThat(SqlCount.of(db, "SELECT COUNT(*) FROM domain_result")).isBetween(1L, DOMAINS - 1L);

      try (JarProcess restart = JarProcess.start(work.resolve("restart.log"),
          "restart", "1", "--db", db, "--chunk", "10")) {
        assertThat(restart.await(Duration.ofSeconds(120))).as(restart.output()).isZero();
      }
    }
    assertThat(SqlCount.of(db, "SELECT COUNT(DISTINCT domain) FROM domain_result")).isEqualTo(DOMAINS);
    assertThat(SqlCount.of(db, "SELECT COUNT(*) FROM domain_result")).isEqualTo(DOMAINS);
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
}
