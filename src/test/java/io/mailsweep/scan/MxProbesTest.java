package io.mailsweep.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsweep.check.transport.ServerProbe;
import io.mailsweep.check.transport.ServerProbe.Skip;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.CidrRange;
import io.mailsweep.net.TargetPolicy;
import io.mailsweep.net.smtp.SmtpOutcome;
import io.mailsweep.net.smtp.SmtpProbe;
import io.mailsweep.net.smtp.SmtpProbeResult;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The run-wide prober's caching, guard and skip rules, with a recording fake in place of sockets. */
class MxProbesTest {
  private static final DomainName MX = DomainName.of("mx1.vendor.test");
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final ConcurrentLinkedQueue<InetSocketAddress> probed = new ConcurrentLinkedQueue<>();
  private final CountDownLatch release = new CountDownLatch(1);

  private final SmtpProbe recording = target -> {
    probed.add(target);
    try {
      release.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new SmtpProbeResult(target, SmtpOutcome.NO_STARTTLS, "220 lab", false, null, null, List.of(), List.of(),
        List.of(), null, "no STARTTLS", 1);
  };

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private MxProbes probes(int cacheEntries) {
    return new MxProbes(recording, TargetPolicy.only(List.of(CidrRange.parse("127.0.25.0/24"))), 2525, pool,
        cacheEntries);
  }

  @Test
  void eachAddressIsProbedOnceWhileManyDomainsAskAtOnce() {
    MxProbes probes = probes(100);
    List<CompletableFuture<ServerProbe>> asks = List.of(
        probes.probe(MX, "127.0.25.25"), probes.probe(DomainName.of("alias.vendor.test"), "127.0.25.25"),
        probes.probe(MX, "127.0.25.25"), probes.probe(MX, "127.0.25.26"));
    release.countDown();
    List<ServerProbe> results = asks.stream().map(CompletableFuture::join).toList();

    assertThat(probed).containsExactlyInAnyOrder(new InetSocketAddress("127.0.25.25", 2525),
        new InetSocketAddress("127.0.25.26", 2525));
    assertThat(probes.probesStarted()).isEqualTo(2);
    assertThat(results.get(1).host()).isEqualTo(DomainName.of("alias.vendor.test"));
    assertThat(results.get(0).result()).isSameAs(results.get(1).result());
    assertThat(results).allSatisfy(r -> assertThat(r.port()).isEqualTo(2525));
  }

  @Test
  void addressesOutsideTheAllowedRangesAreNeverContacted() {
    MxProbes probes = probes(100);
    release.countDown();
    ServerProbe outside = probes.probe(MX, "127.0.99.1").join();
    ServerProbe metadata = probes.probe(MX, "169.254.169.254").join();
    ServerProbe garbage = probes.probe(MX, "not-an-address").join();

    assertThat(probed).isEmpty();
    assertThat(outside.skipped()).isEqualTo(Skip.NOT_ALLOWED);
    assertThat(outside.skipDetail()).contains("127.0.99.1", "outside --allow-targets 127.0.25.0/24");
    assertThat(metadata.probed()).isFalse();
    assertThat(garbage.probed()).isFalse();
  }

  @Test
  void specialAddressesAreRefusedAsSuchByDefault() {
    MxProbes probes = new MxProbes(recording, TargetPolicy.publicOnly(), 25, pool, 10);
    ServerProbe p = probes.probe(MX, "10.0.0.1").join();
    assertThat(p.skipped()).isEqualTo(Skip.SPECIAL_ADDRESS);
    assertThat(p.skipDetail()).contains("private");
    assertThat(probed).isEmpty();
  }

  @Test
  void aBlockedPortSkipsEveryProbe() {
    MxProbes probes = probes(100);
    probes.skipAll(Skip.PORT_BLOCKED, "outbound port 25 blocked from this network");
    ServerProbe p = probes.probe(MX, "127.0.25.25").join();
    assertThat(p.skipped()).isEqualTo(Skip.PORT_BLOCKED);
    assertThat(p.skipDetail()).contains("blocked");
    assertThat(probed).isEmpty();
  }

  @Test
  void pastTheCacheBoundAnAddressIsProbedAgain() {
    MxProbes probes = probes(1);
    release.countDown();
    probes.probe(MX, "127.0.25.25").join();
    probes.probe(MX, "127.0.25.26").join();
    probes.probe(MX, "127.0.25.25").join();
    assertThat(probes.probesStarted()).isEqualTo(3);
  }

  @Test
  void aFailedSharedResultIsNotKeptAndTheNextDomainAsksAgain() {
    AtomicInteger asked = new AtomicInteger();
    SharedProbes failingOnce = (target, probeHere) -> asked.incrementAndGet() == 1
        ? CompletableFuture.failedFuture(new IllegalStateException("ledger unavailable"))
        : probeHere.get();
    MxProbes probes = new MxProbes(recording, TargetPolicy.only(List.of(CidrRange.parse("127.0.25.0/24"))), 2525,
        pool, 100, 2, failingOnce);
    release.countDown();

    assertThatThrownBy(() -> probes.probe(MX, "127.0.25.25").join()).hasRootCauseMessage("ledger unavailable");
    ServerProbe again = probes.probe(MX, "127.0.25.25").join();

    assertThat(again.result().outcome()).isEqualTo(SmtpOutcome.NO_STARTTLS);
    assertThat(asked).hasValue(2);
    assertThat(probes.probesStarted()).isOne();
    assertThat(probed).containsExactly(new InetSocketAddress("127.0.25.25", 2525));
  }
}
