package io.mailsweep.net.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.domain.DomainName;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retry, cache, canary and guard behaviour over a scripted {@link Dns}. */
class DnsDecoratorsTest {
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private static final DomainName NAME = DomainName.of("a.test");

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  /** Answers from a script, one per call; counts calls. */
  static final class ScriptedDns implements Dns {
    final Deque<DnsStatus> script;
    final AtomicInteger calls = new AtomicInteger();

    ScriptedDns(DnsStatus... statuses) {
      script = new ArrayDeque<>(List.of(statuses));
    }

    @Override
    public CompletableFuture<DnsAnswer> query(DomainName name, RecordType type) {
      calls.incrementAndGet();
      DnsStatus s = script.size() > 1 ? script.poll() : script.peek();
      return CompletableFuture.completedFuture(s == DnsStatus.ANSWER
          ? Answers.txt(name.text(), "v=spf1 -all")
          : Answers.status(name.text(), type, s));
    }
  }

  @Test
  void retriesTransientFailuresUntilAnAnswer() {
    ScriptedDns dns = new ScriptedDns(DnsStatus.SERVFAIL, DnsStatus.TIMEOUT, DnsStatus.ANSWER);
    DnsAnswer a = new RetryingDns(dns, 2, Duration.ofMillis(5), timer).query(NAME, RecordType.TXT).join();
    assertThat(a.status()).isEqualTo(DnsStatus.ANSWER);
    assertThat(a.attempts()).isEqualTo(3);
    assertThat(dns.calls).hasValue(3);
  }

  @Test
  void givesUpAfterTheRetriesAndSaysHowManyTries() {
    ScriptedDns dns = new ScriptedDns(DnsStatus.TIMEOUT);
    DnsAnswer a = new RetryingDns(dns, 2, Duration.ofMillis(5), timer).query(NAME, RecordType.TXT).join();
    assertThat(a.status()).isEqualTo(DnsStatus.TIMEOUT);
    assertThat(a.detail()).endsWith("3 tries");
    assertThat(dns.calls).hasValue(3);
  }

  @Test
  void doesNotRetryDefiniteAnswers() {
    for (DnsStatus s : new DnsStatus[] {DnsStatus.NXDOMAIN, DnsStatus.NODATA, DnsStatus.REFUSED}) {
      ScriptedDns dns = new ScriptedDns(s);
      new RetryingDns(dns, 3, Duration.ofMillis(5), timer).query(NAME, RecordType.TXT).join();
      assertThat(dns.calls).as(s.name()).hasValue(1);
    }
  }

  @Test
  void cacheAsksEachQuestionOnceAndEvictsLeastRecentlyUsed() {
    ScriptedDns dns = new ScriptedDns(DnsStatus.ANSWER);
    CachingDns cache = new CachingDns(dns, 2);
    cache.query(NAME, RecordType.TXT).join();
    cache.query(NAME, RecordType.TXT).join();
    cache.query(NAME, RecordType.MX).join();
    assertThat(dns.calls).hasValue(2);
    assertThat(cache.hits()).isEqualTo(1);
    cache.query(DomainName.of("b.test"), RecordType.TXT).join();
    cache.query(NAME, RecordType.MX).join();
    assertThat(dns.calls).hasValue(3);
    cache.query(NAME, RecordType.TXT).join();
    assertThat(dns.calls).as("evicted entry asked again").hasValue(4);
  }

  @Test
  void canaryDenialMakesTheResolverBlindAndDenialsUnreliable() {
    ResolverHealth health = ResolverCanary.probe(new ScriptedDns(DnsStatus.NXDOMAIN),
        List.of(DomainName.of("a.root-servers.net"))).join();
    assertThat(health.state()).isEqualTo(ResolverHealth.State.BLIND);
    assertThat(health.detail()).contains("a.root-servers.net").contains("NXDOMAIN");
    DnsAnswer guarded = new GuardedDns(new ScriptedDns(DnsStatus.NXDOMAIN), health).query(NAME, RecordType.TXT).join();
    assertThat(guarded.status()).isEqualTo(DnsStatus.UNRELIABLE);
    assertThat(guarded.detail()).startsWith("NXDOMAIN, but").contains("cannot see the internet");
    DnsAnswer answer = new GuardedDns(new ScriptedDns(DnsStatus.ANSWER), health).query(NAME, RecordType.TXT).join();
    assertThat(answer.status()).isEqualTo(DnsStatus.ANSWER);
  }

  @Test
  void canaryOutcomes() {
    List<DomainName> names = List.of(DomainName.of("canary.test"));
    assertThat(ResolverCanary.probe(new ScriptedDns(DnsStatus.ANSWER), names).join().state())
        .isEqualTo(ResolverHealth.State.OK);
    assertThat(ResolverCanary.probe(new ScriptedDns(DnsStatus.TIMEOUT), names).join().state())
        .isEqualTo(ResolverHealth.State.UNREACHABLE);
    assertThat(ResolverCanary.probe(new ScriptedDns(DnsStatus.ANSWER), List.of()).join().state())
        .isEqualTo(ResolverHealth.State.NOT_CHECKED);
    DnsAnswer passed = new GuardedDns(new ScriptedDns(DnsStatus.NXDOMAIN),
        new ResolverHealth(ResolverHealth.State.OK, "ok")).query(NAME, RecordType.TXT).join();
    assertThat(passed.status()).isEqualTo(DnsStatus.NXDOMAIN);
  }

  @Test
  void limiterNeverRunsMoreThanItsCap() {
    AsyncLimiter limiter = new AsyncLimiter(3);
    List<CompletableFuture<Void>> gates = new java.util.ArrayList<>();
    AtomicInteger maxSeen = new AtomicInteger();
    List<CompletableFuture<Integer>> results = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      CompletableFuture<Void> gate = new CompletableFuture<>();
      gates.add(gate);
      int n = i;
      results.add(limiter.submit(() -> {
        maxSeen.accumulateAndGet(limiter.running(), Math::max);
        return gate.thenApply(v -> n);
      }));
    }
    assertThat(limiter.running()).isEqualTo(3);
    gates.forEach(g -> g.complete(null));
    assertThat(results.stream().map(CompletableFuture::join).toList()).hasSize(10);
    assertThat(maxSeen.get()).isLessThanOrEqualTo(3);
    assertThat(limiter.running()).isZero();
  }
}
