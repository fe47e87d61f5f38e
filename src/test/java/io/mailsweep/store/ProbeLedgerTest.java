package io.mailsweep.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mailsweep.net.smtp.ProbeResultCodec;
import io.mailsweep.net.smtp.SmtpOutcome;
import io.mailsweep.net.smtp.SmtpProbeResult;
import io.mailsweep.testing.db.ScratchPostgres;
import io.mailsweep.testing.db.StoredRuns;
import io.mailsweep.testing.tls.HeldCertificate;
import io.mailsweep.testing.tls.TestCa;
import java.net.InetSocketAddress;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Worker processes sharing probe results through {@code probe_claim}, each played by a ledger with
 * a worker id and a scheduler of its own, on H2 and, where it runs, on the machine's PostgreSQL
 * (127.0.0.1:5432, as on CI) in a database of its own. Probes are fakes that count their calls.
 */
class ProbeLedgerTest {
  private static final HeldCertificate LEAF = TestCa.create("Lab Root").issue("mx1.lab.test");
  private static final ProbeLedger.Timing QUICK =
      new ProbeLedger.Timing(Duration.ofMillis(5), Duration.ofMillis(300), Duration.ofSeconds(5));
  private static final InetSocketAddress MX = new InetSocketAddress("127.0.25.25", 25);

  private static ScratchPostgres postgres;
  private static final Map<String, StoredRuns> DATABASES = new HashMap<>();

  private final List<ProbeLedger> ledgers = new ArrayList<>();
  private final List<ScheduledExecutorService> schedulers = new ArrayList<>();
  private final ScheduledExecutorService probeThreads = Executors.newScheduledThreadPool(2);
  private StoredRuns db;

  @BeforeAll
  static void databases() {
    DATABASES.put("h2", new StoredRuns());
    if (ScratchPostgres.reachable()) {
      postgres = ScratchPostgres.create("mailsweep_ledger");
      DATABASES.put("postgresql", new StoredRuns(postgres.dataSource(), "postgresql"));
    }
  }

  @AfterAll
  static void dropPostgres() {
    if (postgres != null) {
      postgres.close();
    }
  }

  static Stream<String> vendors() {
    return Stream.of("h2", "postgresql");
  }

  @AfterEach
  void stop() {
    ledgers.forEach(ProbeLedger::close);
    schedulers.forEach(ScheduledExecutorService::shutdownNow);
    probeThreads.shutdownNow();
  }

  /** Runs 1 and 2 in the vendor's database, with no claims. */
  private void use(String vendor) {
    db = DATABASES.get(vendor);
    assumeTrue(db != null, "no PostgreSQL on 127.0.0.1:5432");
    db.jdbc.update("DELETE FROM probe_claim");
    db.jdbc.update("DELETE FROM scan_run");
    db.run(1, "nightly", "2026-11-01T02:00:00Z", "STARTED", null).run(2, "nightly", "2026-11-02T02:00:00Z",
        "STARTED", null);
  }

  private ProbeLedger ledger(long run, String worker, ProbeLedger.Timing timing) {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    schedulers.add(scheduler);
    ProbeLedger ledger = new ProbeLedger(db.jdbc, run, worker, timing, scheduler);
    ledgers.add(ledger);
    return ledger;
  }

  /** What {@code worker}'s probe of {@code target} finds: a TLS server with a chain. */
  private static SmtpProbeResult found(InetSocketAddress target, String worker) {
    return new SmtpProbeResult(target, SmtpOutcome.TLS, "220 lab", true, "TLSv1.3", "TLS_AES_128_GCM_SHA256",
        LEAF.chain(), List.of(), List.of(), null, "probed by " + worker, 42);
  }

  /** A probeHere that counts its calls and answers as told. */
  private static final class Probe implements Supplier<CompletableFuture<SmtpProbeResult>> {
    final AtomicInteger calls = new AtomicInteger();
    final Supplier<CompletableFuture<SmtpProbeResult>> answer;

    Probe(Supplier<CompletableFuture<SmtpProbeResult>> answer) {
      this.answer = answer;
    }

    @Override
    public CompletableFuture<SmtpProbeResult> get() {
      calls.incrementAndGet();
      return answer.get();
    }
  }

  /** A probe of {@code target} by {@code worker} that takes 50 ms. */
  private Probe answering(InetSocketAddress target, String worker) {
    return new Probe(() -> CompletableFuture.supplyAsync(() -> found(target, worker),
        CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS, probeThreads)));
  }

  /** An ask of {@code ledger} for {@code target}: the probe it may call, and the future it got. */
  private record Asked(Probe probe, CompletableFuture<SmtpProbeResult> result) {
    int calls() {
      return probe.calls.get();
    }
  }

  /** Asks {@code worker}'s ledger for {@code target}, with a probe that answers in 50 ms. */
  private Asked ask(ProbeLedger ledger, InetSocketAddress target, String worker) {
    Probe probe = answering(target, worker);
    return new Asked(probe, ledger.resultFor(target, probe));
  }

  private static Probe never() {
    return new Probe(CompletableFuture::new);
  }

  private static SmtpProbeResult within5s(CompletableFuture<SmtpProbeResult> f) throws Exception {
    return f.get(5, TimeUnit.SECONDS);
  }

  private static void assertSameResult(SmtpProbeResult actual, SmtpProbeResult expected) {
    assertThat(actual).isEqualTo(expected);
    assertThat(actual.chain()).extracting(ProbeLedgerTest::der).containsExactlyElementsOf(
        expected.chain().stream().map(ProbeLedgerTest::der).toList());
  }

  private static byte[] der(X509Certificate c) {
    try {
      return c.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new AssertionError(e);
    }
  }

  /** The worker holding the claim on {@code target} in run 1, or null. */
  private String holder(InetSocketAddress target) {
    return db.jdbc.queryForList("SELECT worker FROM probe_claim WHERE run_id = 1 AND address = ? AND port = ?",
        String.class, target.getAddress().getHostAddress(), target.getPort()).stream().findFirst().orElse(null);
  }

  private SmtpProbeResult stored(InetSocketAddress target) throws Exception {
    byte[] bytes = db.jdbc.queryForObject("SELECT result FROM probe_claim WHERE run_id = 1 AND address = ?"
        + " AND port = ?", byte[].class, target.getAddress().getHostAddress(), target.getPort());
    return ProbeResultCodec.decode(bytes);
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void twoWorkersAskingAtOnceProbeEachAddressOnceAndALaterWorkerProbesNone(String vendor) throws Exception {
    use(vendor);
    ProbeLedger a = ledger(1, "host-a/1", QUICK);
    ProbeLedger b = ledger(1, "host-b/2", QUICK);
    List<InetSocketAddress> targets = new ArrayList<>();
    List<Asked> ofA = new ArrayList<>();
    List<Asked> ofB = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      InetSocketAddress target = new InetSocketAddress("127.0.25." + i, 25);
      targets.add(target);
      ofA.add(ask(a, target, "host-a/1"));
      ofB.add(ask(b, target, "host-b/2"));
    }

    for (int i = 0; i < 10; i++) {
      assertSameResult(within5s(ofB.get(i).result()), within5s(ofA.get(i).result()));
      assertThat(ofA.get(i).calls() + ofB.get(i).calls()).as("probes of %s", targets.get(i)).isOne();
    }

    ProbeLedger c = ledger(1, "host-c/3", QUICK);
    for (int i = 0; i < 10; i++) {
      Asked later = ask(c, targets.get(i), "host-c/3");
      assertSameResult(within5s(later.result()), within5s(ofA.get(i).result()));
      assertThat(later.calls()).isZero();
    }
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void theSecondClaimOnAKeyIsRefusedWithoutHarmingTheFirst(String vendor) {
    use(vendor);
    ProbeClaims claims = new ProbeClaims(db.jdbc, 1);

    assertThat(claims.insert(MX, "host-a/1")).isTrue();
    assertThat(claims.insert(MX, "host-b/2")).isFalse();
    assertThat(holder(MX)).isEqualTo("host-a/1");
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void aClaimLeftWithoutAResultIsTakenOverAfterTheLeaseAndProbedOnce(String vendor) throws Exception {
    use(vendor);
    leftBehind("gone/9", null);
    long start = System.nanoTime();

    probedHereAndStored();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(QUICK.lease());
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void aWorkerThatStopsRenewingLosesItsClaimToAWaitingOne(String vendor) throws Exception {
    use(vendor);
    ProbeLedger dying = ledger(1, "host-a/1", QUICK);
    Probe hung = never();
    CompletableFuture<SmtpProbeResult> lost = dying.resultFor(MX, hung);
    awaitHolder(MX, "host-a/1");
    dying.close();
    Asked asked = ask(ledger(1, "host-b/2", QUICK), MX, "host-b/2");
    SmtpProbeResult result = within5s(asked.result());

    assertThat(result.detail()).isEqualTo("probed by host-b/2");
    assertThat(hung.calls).hasValue(1);
    assertThat(asked.calls()).isOne();
    assertThat(lost).isNotDone();
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void aLiveWorkerKeepsItsClaimAndAWaitEndsAtItsBound(String vendor) throws Exception {
    use(vendor);
    ledger(1, "host-a/1", QUICK).resultFor(MX, never());
    awaitHolder(MX, "host-a/1");
    ProbeLedger.Timing shortWait = new ProbeLedger.Timing(Duration.ofMillis(5), Duration.ofMillis(300),
        Duration.ofMillis(900));
    long start = System.nanoTime();

    Asked waited = ask(ledger(1, "host-b/2", shortWait), MX, "host-b/2");

    assertThatThrownBy(() -> within5s(waited.result())).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(TimeoutException.class)
        .hasMessage("no SMTP probe result for " + MX + " within 900 ms; worker host-a/1 holds the claim");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(shortWait.maxWait());
    assertThat(waited.calls()).isZero();
    assertThat(holder(MX)).isEqualTo("host-a/1");
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void aFailedProbeGivesTheClaimUpToTheWorkerWaitingForIt(String vendor) throws Exception {
    use(vendor);
    Probe failing = new Probe(() -> CompletableFuture.supplyAsync(() -> {
      throw new IllegalStateException("lab probe broke");
    }, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS, probeThreads)));
    CompletableFuture<SmtpProbeResult> failed = ledger(1, "host-a/1", QUICK).resultFor(MX, failing);
    awaitHolder(MX, "host-a/1");
    Asked asked = ask(ledger(1, "host-b/2", QUICK), MX, "host-b/2");
    SmtpProbeResult result = within5s(asked.result());

    assertThat(result.detail()).isEqualTo("probed by host-b/2");
    assertThat(failing.calls).hasValue(1);
    assertThat(asked.calls()).isOne();
    assertThatThrownBy(() -> within5s(failed)).hasRootCauseMessage("lab probe broke");
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void aProbeThatThrowsFailsTheAskAndLeavesNoClaim(String vendor) {
    use(vendor);
    Probe throwing = new Probe(() -> {
      throw new IllegalStateException("no pool");
    });

    CompletableFuture<SmtpProbeResult> failed = ledger(1, "host-a/1", QUICK).resultFor(MX, throwing);

    assertThatThrownBy(() -> within5s(failed)).hasRootCauseMessage("no pool");
    assertThat(db.count("probe_claim")).isZero();
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void aStoredResultThisBuildCannotReadIsProbedAgainAndReplaced(String vendor) throws Exception {
    use(vendor);
    leftBehind("newer/9", new byte[] {9, 1, 2, 3});

    probedHereAndStored();
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void portsAddressesAndRunsAreClaimedApart(String vendor) throws Exception {
    use(vendor);
    ProbeLedger first = ledger(1, "host-a/1", QUICK);
    List<Asked> asked = new ArrayList<>();
    for (InetSocketAddress target : List.of(MX, new InetSocketAddress("127.0.25.25", 587),
        new InetSocketAddress("127.0.25.26", 25), new InetSocketAddress("::1", 25))) {
      asked.add(ask(first, target, "host-a/1"));
    }
    asked.add(ask(ledger(2, "host-b/2", QUICK), MX, "host-b/2"));

    for (Asked a : asked) {
      within5s(a.result());
      assertThat(a.calls()).isOne();
    }
    assertThat(db.jdbc.queryForList("SELECT run_id || ' ' || address || ' ' || port FROM probe_claim",
        String.class)).containsExactlyInAnyOrder("1 127.0.25.25 25", "1 127.0.25.25 587", "1 127.0.25.26 25",
        "1 ::1 25", "2 127.0.25.25 25");
  }

  @Test
  void timesMustGrowFromPollToLeaseToMaxWait() {
    assertThatThrownBy(() -> new ProbeLedger.Timing(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ProbeLedger.Timing(Duration.ofSeconds(1), Duration.ofSeconds(1),
        Duration.ofSeconds(2))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ProbeLedger.Timing(Duration.ofMillis(5), Duration.ofSeconds(2),
        Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theWorkerIdNamesThisHostAndProcess() {
    String id = ProbeLedger.workerId();
    assertThat(id).endsWith("/" + ProcessHandle.current().pid()).hasSizeLessThanOrEqualTo(200);
    assertThat(id.length()).isGreaterThan(("/" + ProcessHandle.current().pid()).length());
  }

  /** A claim on {@link #MX} in run 1 that {@code worker} left behind, with {@code result} or none. */
  private void leftBehind(String worker, byte[] result) {
    db.jdbc.update("INSERT INTO probe_claim (run_id, address, port, worker, claimed_at, result)"
        + " VALUES (1, '127.0.25.25', 25, ?, CURRENT_TIMESTAMP, ?)", worker, result);
  }

  /** Asks for {@link #MX} as host-a/1, which must probe it once and store its result as the holder. */
  private void probedHereAndStored() throws Exception {
    Asked asked = ask(ledger(1, "host-a/1", QUICK), MX, "host-a/1");
    SmtpProbeResult result = within5s(asked.result());

    assertThat(result.detail()).isEqualTo("probed by host-a/1");
    assertThat(asked.calls()).isOne();
    assertThat(holder(MX)).isEqualTo("host-a/1");
    assertSameResult(stored(MX), result);
  }

  /** Waits (at most 5 s) until {@code worker} holds the claim on {@code target}. */
  private void awaitHolder(InetSocketAddress target, String worker) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!worker.equals(holder(target))) {
      assertThat(System.nanoTime()).as("%s holds the claim on %s within 5 s", worker, target).isLessThan(deadline);
      Thread.sleep(5);
    }
  }
}
