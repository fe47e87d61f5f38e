package io.mailsweep.net.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.domain.DomainName;
import io.mailsweep.testing.dns.Fault;
import io.mailsweep.testing.dns.LabDnsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dnsjava adapter and its decorators against a real DNS server on loopback. The rate cap
 * ({@code --dns-qps}) is seen in the server's own arrival times, with generous tolerances: a slow
 * machine can only make the spread wider.
 */
class DnsjavaDnsTest {
  private static final int RATE = 20;
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @TempDir static Path zones;
  static LabDnsServer server;
  static ExecutorService executor;
  static ScheduledExecutorService timer;

  @BeforeAll
  static void start() throws Exception {
    StringBuilder zone = new StringBuilder("""
        $ORIGIN adapter.test.
        $TTL 300
        @          IN SOA ns hostmaster 1 3600 600 86400 60
        @          IN NS  ns
        ns         IN A   127.0.0.1
        host       IN A   127.0.30.1
        multi      IN TXT "v=spf1 ip4:127.0.30.1" " -all"
        multi      IN TXT "other"
        rotating   IN MX  20 mx3
        rotating   IN MX  10 mx1
        rotating   IN MX  20 mx2
        alias      IN CNAME chain
        chain      IN CNAME multi
        loop1      IN CNAME loop2
        loop2      IN CNAME loop1
        outside    IN CNAME target.elsewhere.test.
        c93f1e400f26708f98cb19d936620da35eec8f72e57f9eec01c1afd6._openpgpkey IN OPENPGPKEY mDMEZQ==
        c93f1e400f26708f98cb19d936620da35eec8f72e57f9eec01c1afd6._smimecert IN SMIMEA 3 1 1 0A0B0C0D
        """);
    zone.append("long IN TXT");
    for (int i = 0; i < 8; i++) {
      zone.append(" \"").append("x".repeat(200)).append('"');
    }
    zone.append('\n');
    Files.writeString(zones.resolve("adapter.zone"), zone);
    Files.writeString(zones.resolve("elsewhere.zone"), """
        $ORIGIN elsewhere.test.
        $TTL 300
        @      IN SOA ns.adapter.test. hostmaster.adapter.test. 1 3600 600 86400 60
        @      IN NS  ns.adapter.test.
        target IN TXT "reached"
        """);
    server = LabDnsServer.start(zones);
    executor = Executors.newFixedThreadPool(2);
    timer = Executors.newSingleThreadScheduledExecutor();
  }

  @AfterAll
  static void stop() {
    server.close();
    executor.shutdownNow();
    timer.shutdownNow();
  }

  @BeforeEach
  void reset() {
    server.clearFaults();
    server.resetCounters();
    server.setLatency(Duration.ZERO);
  }

  private static DnsjavaDns adapter(int inFlight) {
    DnsSettings settings = new DnsSettings(List.of(server.socketAddress()), Duration.ofMillis(300), 0,
        Duration.ofMillis(10), inFlight, 100, 8);
    return new DnsjavaDns(settings, executor);
  }

  private static DnsAnswer ask(Dns dns, String name, RecordType type) {
    return dns.query(DomainName.of(name), type).join();
  }

  @Test
  void openPgpKeyAndSmimeaAnswersComeBackInPresentationForm() {
    DnsjavaDns dns = adapter(8);
    String hash = "c93f1e400f26708f98cb19d936620da35eec8f72e57f9eec01c1afd6";
    DnsAnswer pgp = ask(dns, hash + "._openpgpkey.adapter.test", RecordType.OPENPGPKEY);
    assertThat(pgp.status()).isEqualTo(DnsStatus.ANSWER);
    assertThat(pgp.records()).extracting(DnsRecord::presentation)
        .containsExactly(hash + "._openpgpkey.adapter.test 300 OPENPGPKEY mDMEZQ==");
    DnsAnswer smimea = ask(dns, hash + "._smimecert.adapter.test", RecordType.SMIMEA);
    assertThat(smimea.records()).extracting(DnsRecord::data).containsExactly("3 1 1 0A0B0C0D");
    assertThat(ask(dns, hash + "._smimecert.adapter.test", RecordType.OPENPGPKEY).status())
        .isEqualTo(DnsStatus.NODATA);
  }

  @Test
  void answerKeepsTheStringsOfEachTxtRecordAndJoinsThemWithoutSeparator() {
    DnsAnswer a = ask(adapter(10), "multi.adapter.test", RecordType.TXT);
    assertThat(a.status()).isEqualTo(DnsStatus.ANSWER);
    assertThat(a.records()).extracting(DnsRecord::joinedText)
        .containsExactlyInAnyOrder("v=spf1 ip4:127.0.30.1 -all", "other");
    assertThat(a.records()).anySatisfy(r -> assertThat(r.strings()).containsExactly("v=spf1 ip4:127.0.30.1", " -all"));
  }

  /** Two scans of an unchanged world wrote the records of an RRset in different orders. */
  @Test
  void anRrsetReadsTheSameWhicheverWayTheServerRotatesIt() {
    List<List<String>> answers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      answers.add(ask(adapter(10), "rotating.adapter.test", RecordType.MX).records().stream()
          .map(DnsRecord::data).toList());
    }
    assertThat(answers).containsOnly(List.of("10 mx1.adapter.test.", "20 mx2.adapter.test.", "20 mx3.adapter.test."));
  }

  @Test
  void tellsNxdomainFromNodata() {
    assertThat(ask(adapter(10), "gone.adapter.test", RecordType.TXT).status()).isEqualTo(DnsStatus.NXDOMAIN);
    assertThat(ask(adapter(10), "host.adapter.test", RecordType.TXT).status()).isEqualTo(DnsStatus.NODATA);
  }

  @Test
  void followsCnameChainsInsideAndOutsideTheAnswer() {
    DnsAnswer inside = ask(adapter(10), "alias.adapter.test", RecordType.TXT);
    assertThat(inside.status()).isEqualTo(DnsStatus.ANSWER);
    assertThat(inside.cnameChain()).containsExactly("chain.adapter.test", "multi.adapter.test");
    DnsAnswer outside = ask(adapter(10), "outside.adapter.test", RecordType.TXT);
    assertThat(outside.status()).isEqualTo(DnsStatus.ANSWER);
    assertThat(outside.records()).extracting(DnsRecord::joinedText).containsExactly("reached");
  }

  @Test
  void aCnameLoopIsAnErrorNotAHang() {
    DnsAnswer a = ask(adapter(10), "loop1.adapter.test", RecordType.TXT);
    assertThat(a.status()).isEqualTo(DnsStatus.ERROR);
    assertThat(a.detail()).contains("CNAME loop");
  }

  @Test
  void truncatedUdpAnswerIsFetchedOverTcp() {
    DnsAnswer a = ask(adapter(10), "long.adapter.test", RecordType.TXT);
    assertThat(a.status()).isEqualTo(DnsStatus.ANSWER);
    assertThat(a.records().get(0).joinedText()).hasSize(1600);
    assertThat(a.truncated()).isTrue();
    assertThat(server.tcpQueries()).isPositive();
  }

  @Test
  void forcedTruncationAlsoFallsBackToTcp() {
    server.fault("host.adapter.test", "A", Fault.truncate());
    DnsAnswer a = ask(adapter(10), "host.adapter.test", RecordType.A);
    assertThat(a.status()).isEqualTo(DnsStatus.ANSWER);
    assertThat(a.records()).extracting(DnsRecord::data).containsExactly("127.0.30.1");
    assertThat(server.tcpQueries()).isEqualTo(1);
  }

  @Test
  void failuresAreStatusesWithTheServerNamed() {
    server.fault("host.adapter.test", "*", Fault.timeout());
    server.fault("multi.adapter.test", "*", Fault.servfail());
    DnsAnswer timeout = ask(adapter(10), "host.adapter.test", RecordType.A);
    assertThat(timeout.status()).isEqualTo(DnsStatus.TIMEOUT);
    assertThat(timeout.detail()).contains("127.0.0.1:" + server.port()).contains("300 ms");
    assertThat(ask(adapter(10), "multi.adapter.test", RecordType.TXT).status()).isEqualTo(DnsStatus.SERVFAIL);
    assertThat(ask(adapter(10), "example.com", RecordType.TXT).status()).isEqualTo(DnsStatus.REFUSED);
  }

  @Test
  void retriesRecoverFromAFlakyServer() {
    server.fault("host.adapter.test", "A", Fault.servfailFirst(2));
    Dns dns = new RetryingDns(adapter(10), 2, Duration.ofMillis(10), timer);
    DnsAnswer a = ask(dns, "host.adapter.test", RecordType.A);
    assertThat(a.status()).isEqualTo(DnsStatus.ANSWER);
    assertThat(a.attempts()).isEqualTo(3);
    assertThat(server.queryCount("host.adapter.test", "A")).isEqualTo(3);
  }

  @Test
  void manyQueriesInFlightAreBoundedAndAllAnswered() {
    server.setLatency(Duration.ofMillis(50));
    DnsjavaDns dns = adapter(50);
    List<CompletableFuture<DnsAnswer>> answers = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      answers.add(dns.query(DomainName.of("n" + i + ".adapter.test"), RecordType.A));
    }
    assertThat(dns.inFlight()).isLessThanOrEqualTo(50);
    assertThat(answers.stream().map(CompletableFuture::join).map(DnsAnswer::status))
        .containsOnly(DnsStatus.NXDOMAIN).hasSize(300);
  }

  /** 250 ms per try: far less than most questions below wait for their slot. */
  private static DnsjavaDns paced(QueryRate rate) {
    DnsSettings settings = new DnsSettings(List.of(server.socketAddress()), Duration.ofMillis(250), 0,
        Duration.ofMillis(1), 100, 100, 8).withQueryRate(rate);
    return new DnsjavaDns(settings, executor, timer);
  }

  private static List<Long> sortedArrivals() {
    return server.arrivalTimes().stream().sorted().toList();
  }

  /** The most arrivals within any one second. */
  private static int busiestSecond(List<Long> sorted) {
    int most = 0;
    for (int i = 0, j = 0; j < sorted.size(); j++) {
      while (sorted.get(j) - sorted.get(i) >= SECOND) {
        i++;
      }
      most = Math.max(most, j - i + 1);
    }
    return most;
  }

  @Test
  void aBurstOfQueriesReachesTheServerAtTheCapAndTheWaitIsNotPartOfTheirTimeout() throws Exception {
    int n = 30;
    DnsjavaDns dns = paced(QueryRate.of(RATE));
    List<CompletableFuture<DnsAnswer>> answers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      answers.add(dns.query(DomainName.of("n" + i + ".adapter.test"), RecordType.A));
    }
    CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);

    assertThat(answers).extracting(f -> f.join().status())
        .as("the last question waited over a second for its slot, its 250 ms timeout started only then")
        .containsOnly(DnsStatus.NXDOMAIN);
    List<Long> arrivals = sortedArrivals();
    assertThat(arrivals).hasSize(n);
    long span = arrivals.get(n - 1) - arrivals.get(0);
    long expected = (n - 1) * SECOND / RATE;
    assertThat(span).as("first to last arrival, ns").isGreaterThanOrEqualTo(expected * 8 / 10);
    assertThat(busiestSecond(arrivals)).as("arrivals in the busiest second").isLessThanOrEqualTo(RATE + RATE / 4);
  }

  @Test
  void retriesWaitForTheirSlotToo() throws Exception {
    server.fault("host.adapter.test", "A", Fault.servfailFirst(2));
    Dns dns = new RetryingDns(paced(QueryRate.of(10)), 2, Duration.ofMillis(1), timer);
    DnsAnswer a = dns.query(DomainName.of("host.adapter.test"), RecordType.A).get(10, TimeUnit.SECONDS);

    assertThat(a.status()).isEqualTo(DnsStatus.ANSWER);
    assertThat(a.attempts()).isEqualTo(3);
    List<Long> arrivals = sortedArrivals();
    assertThat(arrivals).hasSize(3);
    for (int i = 1; i < arrivals.size(); i++) {
      assertThat(arrivals.get(i) - arrivals.get(i - 1)).as("gap before try %d, ns", i + 1)
          .isGreaterThanOrEqualTo(SECOND / 10 * 8 / 10);
    }
  }
}
