package io.mailsweep.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.transport.ServerProbe;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.CidrRange;
import io.mailsweep.net.TargetPolicy;
import io.mailsweep.net.smtp.SmtpOutcome;
import io.mailsweep.net.smtp.SmtpProbeResult;
import io.mailsweep.net.smtp.SmtpSettings;
import io.mailsweep.net.smtp.SocketSmtpProbe;
import io.mailsweep.store.ProbeLedger;
import io.mailsweep.testing.db.StoredRuns;
import io.mailsweep.testing.smtp.LabSmtpServer;
import io.mailsweep.testing.smtp.Scenario;
import io.mailsweep.testing.tls.HeldCertificate;
import io.mailsweep.testing.tls.TestCa;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two worker processes of one run, each with its run-wide prober, pool and ledger, sharing one
 * database: a mail server on loopback that domains in both name sees one conversation, and both
 * get its result with the certificate chain it presented.
 */
class MxProbesSharedTest {
  private static final HeldCertificate LEAF = TestCa.create("Lab CA").issue("mx1.shared.test");
  private static final TargetPolicy LAB = TargetPolicy.only(List.of(CidrRange.parse("127.0.48.0/24")));
  private static final SmtpSettings SMTP = SmtpSettings.DEFAULTS.withExtraHandshakes(false, false)
      .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5));
  private static final ProbeLedger.Timing TIMING =
      new ProbeLedger.Timing(Duration.ofMillis(10), Duration.ofMillis(500), Duration.ofSeconds(10));

  private final StoredRuns db = new StoredRuns();
  private final List<ExecutorService> pools = new ArrayList<>();
  private final List<ProbeLedger> ledgers = new ArrayList<>();
  private LabSmtpServer lab;

  @AfterEach
  void stop() {
    ledgers.forEach(ProbeLedger::close);
    pools.forEach(ExecutorService::shutdownNow);
    lab.close();
  }

  /** One worker's prober: SMTP pool and ledger scheduler of its own, the run's database. */
  private MxProbes worker(String id, int port) {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    pools.add(pool);
    pools.add(scheduler);
    ProbeLedger ledger = new ProbeLedger(db.jdbc, 1, id, TIMING, scheduler);
    ledgers.add(ledger);
    return new MxProbes(new SocketSmtpProbe(SMTP), LAB, port, pool, 100, 2, ledger);
  }

  @Test
  void domainsInTwoWorkersNamingOneMailServerMakeOneConversation() throws Exception {
    lab = LabSmtpServer.start(Scenario.starttls(LEAF).build(), new InetSocketAddress("127.0.48.1", 0));
    int port = lab.address().getPort();
    db.run(1, "nightly", "2026-11-01T02:00:00Z", "STARTED", null);
    MxProbes a = worker("lab-a/1", port);
    MxProbes b = worker("lab-b/2", port);

    CompletableFuture<ServerProbe> inA = a.probe(DomainName.of("mx1.shared.test"), "127.0.48.1");
    CompletableFuture<ServerProbe> inB = b.probe(DomainName.of("mx.alias.test"), "127.0.48.1");
    SmtpProbeResult seenByA = inA.get(10, TimeUnit.SECONDS).result();
    SmtpProbeResult seenByB = inB.get(10, TimeUnit.SECONDS).result();
    SmtpProbeResult askedAgain = b.probe(DomainName.of("mx1.shared.test"), "127.0.48.1").get(10, TimeUnit.SECONDS)
        .result();

    assertThat(lab.connections()).isOne();
    assertThat(a.probesStarted() + b.probesStarted()).isOne();
    assertThat(seenByA.outcome()).isEqualTo(SmtpOutcome.TLS);
    assertThat(seenByB).isEqualTo(seenByA);
    assertThat(askedAgain).isEqualTo(seenByA);
    assertThat(seenByB.chain().get(0).getEncoded()).isEqualTo(LEAF.certificate().getEncoded());
  }
}
