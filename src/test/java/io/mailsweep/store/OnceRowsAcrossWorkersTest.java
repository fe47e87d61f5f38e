package io.mailsweep.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mailsweep.check.access.AccessServer;
import io.mailsweep.check.transport.MailServer;
import io.mailsweep.testing.db.ScratchPostgres;
import io.mailsweep.testing.db.StoredRuns;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two worker processes of one run, each with repositories (and claims in memory) of its own,
 * write the same mail server and mail-access server in overlapping chunk transactions on
 * PostgreSQL: the second waits for the first to commit, then skips the row instead of failing its
 * chunk on the unique key.
 */
class OnceRowsAcrossWorkersTest {
  private static final MailServer MX = new MailServer("mx1.lab.test", "127.0.25.25", 25, "yes", "TLSv1.3",
      "TLS_AES_128_GCM_SHA256", "TLSv1.3", "none accepted", "CN=mx1.lab.test", "CN=Lab CA", "2027-01-01T00:00:00Z",
      "EC 256 bits", "valid", "TLSv1.3");
  private static final AccessServer IMAPS = new AccessServer("imap.lab.test", "127.0.27.1", 993, "imaps",
      "implicit TLS", null, "TLSv1.3", "TLS_AES_128_GCM_SHA256", "CN=imap.lab.test", "CN=Lab CA",
      "2027-01-01T00:00:00Z", "valid", "TLSv1.3");

  private final ExecutorService workers = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    workers.shutdownNow();
  }

  @Test
  void theSecondWorkerToWriteAServerSkipsItOncePostgresqlHasTheFirstOne() throws Exception {
    assumeTrue(ScratchPostgres.reachable(), "no PostgreSQL on 127.0.0.1:5432");
    try (ScratchPostgres pg = ScratchPostgres.create("mailsweep_once")) {
      StoredRuns db = new StoredRuns(pg.dataSource(), "postgresql");
      db.run(1, "nightly", "2026-11-01T02:00:00Z", "STARTED", null);
      TransactionTemplate chunk = new TransactionTemplate(new DataSourceTransactionManager(pg.dataSource()));

      overlap(chunk, jdbc -> new MailServerRepository(jdbc).save(1, List.of(MX)), db.jdbc);
      overlap(chunk, jdbc -> new AccessServerRepository(jdbc).save(1, List.of(IMAPS)), db.jdbc);

      assertThat(db.count("mail_server")).isOne();
      assertThat(db.count("access_server")).isOne();
    }
  }

  /**
   * Runs {@code write} as two workers would: the first writes and holds its transaction open while
   * the second writes (and waits on the key), then commits; both must end without error.
   */
  private void overlap(TransactionTemplate chunk, Consumer<JdbcTemplate> write, JdbcTemplate jdbc) throws Exception {
    CountDownLatch firstWrote = new CountDownLatch(1);
    CountDownLatch commitFirst = new CountDownLatch(1);
    Future<?> first = workers.submit(() -> chunk.executeWithoutResult(tx -> {
      write.accept(jdbc);
      firstWrote.countDown();
      await(commitFirst);
    }));
    assertThat(firstWrote.await(5, TimeUnit.SECONDS)).isTrue();
    Future<?> second = workers.submit(() -> chunk.executeWithoutResult(tx -> write.accept(jdbc)));
    Thread.sleep(200);
    assertThat(second).as("the second write waits for the first transaction").isNotDone();
    commitFirst.countDown();
    first.get(5, TimeUnit.SECONDS);
    second.get(5, TimeUnit.SECONDS);
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
