package io.mailsweep.net.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsweep.domain.DomainName;
import io.mailsweep.testing.dns.Fault;
import io.mailsweep.testing.dns.LabDns;
import io.mailsweep.testing.dns.LabDnsServer;
import io.mailsweep.testing.dns.SignedZone;
import io.mailsweep.testing.dns.ZoneSigner;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedErrorCodeOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

/**
 * DNSSEC in the adapter: our own validation from a trust anchor against signed lab zones, and a
 * trusted validating resolver's AD bit and extended errors from a stub.
 */
class DnssecDnsTest {
  private static final String SIGNED = LabDns.zone("secure.test") + """
      www     IN A     127.0.6.1
      alias   IN CNAME www
      forged  IN A     127.0.6.2
      """;
  private static final String UNSIGNED = LabDns.zone("plain.test") + "www IN A 127.0.6.3\n";

  @TempDir static Path dir;
  static LabDnsServer server;
  static Path anchors;
  static ExecutorService executor;
  static ScheduledExecutorService timer;

  @BeforeAll
  static void start() throws Exception {
    SignedZone signed = ZoneSigner.sign(SIGNED);
    Path zones = Files.createDirectory(dir.resolve("zones"));
    Files.writeString(zones.resolve("secure.zone"), signed.text().replace("127.0.6.2", "127.0.6.66"));
    Files.writeString(zones.resolve("plain.zone"), UNSIGNED);
    anchors = Files.writeString(dir.resolve("anchors"), signed.trustAnchor());
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
  }

  private static DnsSettings settings(InetSocketAddress resolver) {
    return new DnsSettings(List.of(resolver), Duration.ofMillis(500), 0, Duration.ofMillis(10), 10, 100, 8);
  }

  private static Dns validating() {
    return DnsjavaDns.validating(settings(server.socketAddress()).withDnssec(false, anchors), executor);
  }

  private static DnsAnswer ask(Dns dns, String name, RecordType type) {
    return dns.query(DomainName.of(name), type).join();
  }

  @Test
  void secureAnswersAndDenialsAreAuthenticated() {
    Dns dns = validating();
    DnsAnswer a = ask(dns, "www.secure.test", RecordType.A);
    assertThat(a.status()).isEqualTo(DnsStatus.ANSWER);
    assertThat(a.authenticated()).isTrue();
    assertThat(ask(dns, "www.secure.test", RecordType.TLSA)).satisfies(n -> {
      assertThat(n.status()).isEqualTo(DnsStatus.NODATA);
      assertThat(n.authenticated()).isTrue();
    });
    assertThat(ask(dns, "gone.secure.test", RecordType.MX)).satisfies(n -> {
      assertThat(n.status()).isEqualTo(DnsStatus.NXDOMAIN);
      assertThat(n.authenticated()).isTrue();
    });
    assertThat(ask(dns, "alias.secure.test", RecordType.A).authenticated()).isTrue();
  }

  @Test
  void theValidatorsOwnQueriesPassTheRateCapToo() {
    server.resetCounters();
    DnsSettings paced = settings(server.socketAddress()).withDnssec(false, anchors).withQueryRate(QueryRate.of(20));
    DnsAnswer a = ask(DnsjavaDns.validating(paced, executor, timer), "www.secure.test", RecordType.A);
    assertThat(a.authenticated()).isTrue();
    List<Long> arrivals = server.arrivalTimes().stream().sorted().toList();
    assertThat(arrivals).as("the question, and the validator's DNSKEY question").hasSizeGreaterThanOrEqualTo(2);
    for (int i = 1; i < arrivals.size(); i++) {
      assertThat(arrivals.get(i) - arrivals.get(i - 1)).as("gap before query %d, ns", i + 1)
          .isGreaterThanOrEqualTo(Duration.ofMillis(40).toNanos());
    }
  }

  @Test
  void tamperedRecordIsBogusNotInsecure() {
    DnsAnswer a = ask(validating(), "forged.secure.test", RecordType.A);
    assertThat(a.status()).isEqualTo(DnsStatus.BOGUS);
    assertThat(a.status().conclusive()).isFalse();
    assertThat(a.authenticated()).isFalse();
    assertThat(a.detail()).startsWith("DNSSEC bogus: ").contains("forged.secure.test");
  }

  @Test
  void bogusIsNotRetried() {
    Dns dns = new RetryingDns(validating(), 2, Duration.ofMillis(10), timer);
    assertThat(ask(dns, "forged.secure.test", RecordType.A).attempts()).isEqualTo(1);
  }

  @Test
  void zoneOutsideTheAnchorsIsAnsweredButNotAuthenticated() {
    DnsAnswer a = ask(validating(), "www.plain.test", RecordType.A);
    assertThat(a.status()).isEqualTo(DnsStatus.ANSWER);
    assertThat(a.records()).extracting(DnsRecord::data).containsExactly("127.0.6.3");
    assertThat(a.authenticated()).isFalse();
  }

  @Test
  void resolverFailuresStayResolverFailures() {
    server.fault("www.secure.test", "A", Fault.servfail());
    server.fault("alias.secure.test", "*", Fault.timeout());
    DnsAnswer servfail = ask(validating(), "www.secure.test", RecordType.A);
    assertThat(servfail.status()).isEqualTo(DnsStatus.SERVFAIL);
    assertThat(servfail.detail()).isEqualTo("SERVFAIL from 127.0.0.1:" + server.port());
    assertThat(ask(validating(), "alias.secure.test", RecordType.A).status()).isEqualTo(DnsStatus.TIMEOUT);
    assertThat(ask(validating(), "example.com", RecordType.A).status()).isEqualTo(DnsStatus.REFUSED);
  }

  @Test
  void plainAdapterAuthenticatesNothing() {
    Dns dns = new DnsjavaDns(settings(server.socketAddress()), executor);
    assertThat(ask(dns, "www.secure.test", RecordType.A).authenticated()).isFalse();
  }

  @Test
  void validatingNeedsAReadableTrustAnchor() {
    DnsSettings none = settings(server.socketAddress());
    assertThatThrownBy(() -> DnsjavaDns.validating(none, executor)).isInstanceOf(IllegalArgumentException.class);
    DnsSettings missing = none.withDnssec(false, dir.resolve("no-such-file"));
    assertThatThrownBy(() -> DnsjavaDns.validating(missing, executor))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-file");
  }

  @Test
  void trustedResolverAdBitAuthenticatesAndIsAskedFor() throws Exception {
    try (StubResolver stub = new StubResolver(reply(Rcode.NOERROR, true, -1))) {
      DnsSettings s = settings(stub.address());
      assertThat(ask(new DnsjavaDns(s.withDnssec(true, null), executor), "x.test", RecordType.A))
          .satisfies(a -> assertThat(a.authenticated()).isTrue());
      assertThat(stub.queries().get(0).getHeader().getFlag(Flags.AD)).isTrue();
      assertThat(ask(new DnsjavaDns(s, executor), "x.test", RecordType.A).authenticated()).isFalse();
      assertThat(stub.queries().get(1).getHeader().getFlag(Flags.AD)).isFalse();
    }
  }

  @Test
  void trustedResolverServfailIsBogusOnlyWithADnssecExtendedError() throws Exception {
    try (StubResolver bogus = new StubResolver(reply(Rcode.SERVFAIL, false, ExtendedErrorCodeOption.DNSSEC_BOGUS));
        StubResolver failed = new StubResolver(reply(Rcode.SERVFAIL, false, ExtendedErrorCodeOption.NETWORK_ERROR))) {
      DnsAnswer a = ask(new DnsjavaDns(settings(bogus.address()).withDnssec(true, null), executor), "x.test",
          RecordType.A);
      assertThat(a.status()).isEqualTo(DnsStatus.BOGUS);
      assertThat(a.detail()).startsWith("DNSSEC bogus: DNSSEC_BOGUS: signature mismatch");
      assertThat(ask(new DnsjavaDns(settings(failed.address()).withDnssec(true, null), executor), "x.test",
          RecordType.A).status()).isEqualTo(DnsStatus.SERVFAIL);
      assertThat(ask(new DnsjavaDns(settings(bogus.address()), executor), "x.test", RecordType.A).status())
          .isEqualTo(DnsStatus.SERVFAIL);
    }
  }

  /** A reply with the rcode, AD if asked, an A record when NOERROR and an extended error when ede >= 0. */
  private static Function<Message, Message> reply(int rcode, boolean ad, int ede) {
    return query -> {
      Message m = new Message(query.getHeader().getID());
      m.getHeader().setFlag(Flags.QR);
      m.getHeader().setFlag(Flags.RA);
      m.getHeader().setRcode(rcode);
      if (ad) {
        m.getHeader().setFlag(Flags.AD);
      }
      m.addRecord(query.getQuestion(), Section.QUESTION);
      if (rcode == Rcode.NOERROR) {
        m.addRecord(new ARecord(query.getQuestion().getName(), DClass.IN, 60, new byte[] {127, 0, 6, 9}),
            Section.ANSWER);
      }
      m.addRecord(ede < 0 ? new OPTRecord(1232, 0, 0)
          : new OPTRecord(1232, 0, 0, 0, new ExtendedErrorCodeOption(ede, "signature mismatch")), Section.ADDITIONAL);
      return m;
    };
  }
}
