package io.mailsweep.net.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.domain.DomainName;
import io.mailsweep.testing.dns.Fault;
import io.mailsweep.testing.dns.LabDnsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** The shared-socket UDP transport behind {@link DnsjavaDns}, against the lab DNS server on loopback. */
class PooledUdpClientTest {
  private static final int NAMES = 200;

  @TempDir static Path zones;
  static LabDnsServer server;
  static ExecutorService executor;

  @BeforeAll
  static void start() throws Exception {
    StringBuilder zone = new StringBuilder("""
        $ORIGIN pool.test.
        $TTL 300
        @   IN SOA ns hostmaster 1 3600 600 86400 60
        @   IN NS  ns
        ns  IN A   127.0.0.1
        """);
    for (int i = 0; i < NAMES; i++) {
      zone.append("h").append(i).append(" IN A 127.0.").append(i / 250).append('.').append(i % 250 + 1).append('\n');
    }
    Files.writeString(zones.resolve("pool.zone"), zone);
    server = LabDnsServer.start(zones);
    executor = Executors.newFixedThreadPool(2);
  }

  @AfterAll
  static void stop() {
    server.close();
    executor.shutdownNow();
  }

  @BeforeEach
  void reset() {
    server.clearFaults();
    server.setLatency(Duration.ZERO);
  }

  private static DnsSettings settings(UdpPoolSettings pool, int inFlight) {
    return new DnsSettings(List.of(server.socketAddress()), Duration.ofMillis(2_000), 0, Duration.ofMillis(10),
        inFlight, 0, 8).withUdpPool(pool);
  }

  private static String expected(int i) {
    return "127.0." + i / 250 + "." + (i % 250 + 1);
  }

  @Test
  void manyConcurrentQuestionsAreAllAnsweredWithTheirOwnAnswer() {
    server.setLatency(Duration.ofMillis(5));
    // 100 in flight: more, and a busy machine lets the lab server's receive buffer overflow.
    try (DnsjavaDns dns = new DnsjavaDns(settings(new UdpPoolSettings(4, 2_000, 65_536), 100), executor)) {
      List<CompletableFuture<DnsAnswer>> answers = new ArrayList<>();
      for (int round = 0; round < 5; round++) {
        for (int i = 0; i < NAMES; i++) {
          answers.add(dns.query(DomainName.of("h" + i + ".pool.test"), RecordType.A));
        }
      }
      for (int n = 0; n < answers.size(); n++) {
        DnsAnswer a = answers.get(n).join();
        assertThat(a.status()).as("answer %d: %s", n, a.detail()).isEqualTo(DnsStatus.ANSWER);
        assertThat(a.records()).extracting(DnsRecord::data).containsExactly(expected(n % NAMES));
      }
    }
  }

  @Test
  void anUnansweredQuestionIsATimeout() {
    server.fault("h1.pool.test", "A", Fault.timeout());
    DnsSettings s = new DnsSettings(List.of(server.socketAddress()), Duration.ofMillis(200), 0,
        Duration.ofMillis(10), 10, 0, 8);
    try (DnsjavaDns dns = new DnsjavaDns(s, executor)) {
      DnsAnswer a = dns.query(DomainName.of("h1.pool.test"), RecordType.A).join();
      assertThat(a.status()).isEqualTo(DnsStatus.TIMEOUT);
      assertThat(a.detail()).contains("within 200 ms");
      assertThat(dns.query(DomainName.of("h2.pool.test"), RecordType.A).join().status()).isEqualTo(DnsStatus.ANSWER);
    }
  }

  @Test
  void socketsAreReplacedAfterTheirQuotaAndAnswersKeepArriving() throws Exception {
    try (PooledUdpClient udp = new PooledUdpClient(new UdpPoolSettings(2, 5, 65_536))) {
      SimpleResolver resolver = new SimpleResolver(server.socketAddress());
      resolver.setTimeout(Duration.ofSeconds(2));
      resolver.setIoClientFactory(new PooledIoClientFactory(udp));
      Set<Integer> ports = new HashSet<>();
      for (int i = 0; i < 40; i++) {
        Message reply = resolver.sendAsync(query("h" + i + ".pool.test"), executor).toCompletableFuture()
            .get(5, TimeUnit.SECONDS);
        assertThat(reply.getSection(Section.ANSWER)).extracting(r -> ((ARecord) r).getAddress().getHostAddress())
            .containsExactly(expected(i));
        ports.addAll(udp.localPorts());
      }
      // 40 queries over 2 sockets of 5 each: 8 sockets in all, each port seen once it is live.
      assertThat(ports).hasSizeGreaterThanOrEqualTo(8);
      assertThat(udp.dropped()).isZero();
    }
  }

  @Test
  void pendingQuestionsFailWhenTheAdapterCloses() {
    server.fault("h3.pool.test", "A", Fault.timeout());
    DnsjavaDns dns = new DnsjavaDns(settings(UdpPoolSettings.DEFAULT, 10), executor);
    CompletableFuture<DnsAnswer> waiting = dns.query(DomainName.of("h3.pool.test"), RecordType.A);
    dns.close();
    DnsAnswer a = waiting.orTimeout(1, TimeUnit.SECONDS).join();
    assertThat(a.status()).isEqualTo(DnsStatus.ERROR);
    assertThat(a.detail()).contains("closed");
    assertThat(dns.query(DomainName.of("h4.pool.test"), RecordType.A).join().status()).isEqualTo(DnsStatus.ERROR);
  }

  static Message query(String name) throws Exception {
    return Message.newQuery(Record.newRecord(Name.fromString(name + "."), Type.A, DClass.IN));
  }
}
