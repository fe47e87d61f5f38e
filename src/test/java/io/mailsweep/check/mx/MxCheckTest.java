package io.mailsweep.check.mx;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.Finding;
import io.mailsweep.check.ScanTarget;
import io.mailsweep.check.Severity;
import io.mailsweep.check.Status;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.DnsSettings;
import io.mailsweep.net.dns.DnsjavaDns;
import io.mailsweep.testing.dns.Fault;
import io.mailsweep.testing.dns.LabDnsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MX check against zones served by the in-process DNS server. */
class MxCheckTest {
  @TempDir static Path zones;
  static LabDnsServer server;
  static ExecutorService executor;
  static MxCheck check;

  @BeforeAll
  static void start() throws Exception {
    StringBuilder zone = new StringBuilder("""
        $ORIGIN vendor.test.
        $TTL 300
        @         IN SOA ns hostmaster 1 3600 600 86400 60
        @         IN NS  ns
        ns        IN A   127.0.0.1
        mx1       IN A   127.0.1.1
        mx1       IN AAAA ::1
        mx2       IN A   127.0.1.2
        empty     IN TXT "no address here"
        alias     IN CNAME mx1
        two       IN MX  20 mx2
        two       IN MX  10 mx1
        implicit  IN A   127.0.2.1
        nomail    IN TXT "v=spf1 -all"
        nullmx    IN MX  0 .
        mixed     IN MX  0 .
        mixed     IN MX  10 mx1
        cname     IN MX  10 alias
        noaddr    IN MX  10 mx1
        noaddr    IN MX  20 empty
        allnoaddr IN MX  10 empty
        literal   IN MX  10 127.0.0.9.
        literal   IN MX  20 mx1
        slow      IN MX  10 mx1
        slow      IN MX  20 hang
        hang      IN A   127.0.3.1
        """);
    for (int i = 1; i <= 12; i++) {
      String host = String.format("h%02d", i);
      zone.append("many IN MX ").append(i * 10).append(' ').append(host).append('\n');
      zone.append(host).append(" IN A 127.0.4.").append(i).append('\n');
    }
    Files.writeString(zones.resolve("vendor.zone"), zone);
    server = LabDnsServer.start(zones);
    server.fault("hang.vendor.test", "*", Fault.timeout());
    executor = Executors.newFixedThreadPool(2);
    DnsSettings settings = new DnsSettings(List.of(server.socketAddress()), Duration.ofMillis(200), 0,
        Duration.ofMillis(10), 100, 1000, 8);
    dns = new DnsjavaDns(settings, executor);
    check = new MxCheck(dns);
  }

  static DnsjavaDns dns;

  @AfterAll
  static void stop() {
    server.close();
    executor.shutdownNow();
  }

  private static MxEvaluation evaluate(String label) {
    return check.evaluate(DomainName.of(label + ".vendor.test")).join();
  }

  private static CheckResult run(String label) {
    return check.run(ScanTarget.of(DomainName.of(label + ".vendor.test"))).join();
  }

  private static List<String> codes(CheckResult r) {
    return r.findings().stream().map(Finding::code).toList();
  }

  @Test
  void twoHostsWithAddressesPassInPreferenceOrder() {
    MxEvaluation e = evaluate("two");
    CheckResult r = e.result();
    assertThat(r.check()).isEqualTo("mx");
    assertThat(r.status()).isEqualTo(Status.PASS);
    assertThat(r.findings()).isEmpty();
    assertThat(r.summary())
        .isEqualTo("2 hosts: 10 mx1.vendor.test (2 addresses), 20 mx2.vendor.test (1 address)");
    assertThat(e.hosts().kind()).isEqualTo(MxHosts.Kind.EXPLICIT);
    assertThat(e.hosts().complete()).isTrue();
    assertThat(e.hosts().hosts()).containsExactly(
        new MxHost(DomainName.of("mx1.vendor.test"), 10, List.of("127.0.1.1", "0:0:0:0:0:0:0:1")),
        new MxHost(DomainName.of("mx2.vendor.test"), 20, List.of("127.0.1.2")));
    assertThat(r.evidence()).anyMatch(l -> l.startsWith(";; two.vendor.test MX: ANSWER"))
        .anyMatch(l -> l.startsWith(";; mx2.vendor.test AAAA: NODATA"));
  }

  @Test
  void noMxFallsBackToTheDomainsOwnAddress() {
    MxEvaluation e = evaluate("implicit");
    assertThat(e.result().status()).isEqualTo(Status.WARN);
    assertThat(e.result().summary()).isEqualTo("implicit MX: implicit.vendor.test (1 address)");
    assertThat(codes(e.result())).containsExactly("MX_IMPLICIT");
    assertThat(e.hosts().kind()).isEqualTo(MxHosts.Kind.IMPLICIT);
    assertThat(e.hosts().hosts()).containsExactly(
        new MxHost(DomainName.of("implicit.vendor.test"), 0, List.of("127.0.2.1")));
  }

  @Test
  void noMxAndNoAddressCannotReceiveMail() {
    CheckResult r = run("nomail");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.summary()).isEqualTo("none");
    assertThat(codes(r)).containsExactly("MX_NONE");
    assertThat(r.findings().get(0).severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void aDomainThatDoesNotExistFails() {
    MxEvaluation e = evaluate("nowhere");
    assertThat(e.result().status()).isEqualTo(Status.FAIL);
    assertThat(e.result().summary()).isEqualTo("none (domain does not exist)");
    assertThat(codes(e.result())).containsExactly("MX_DOMAIN_NXDOMAIN");
    assertThat(e.hosts().kind()).isEqualTo(MxHosts.Kind.NONE);
  }

  @Test
  void aNullMxMeansTheDomainAcceptsNoMail() {
    MxEvaluation e = evaluate("nullmx");
    assertThat(e.result().status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(e.result().summary()).isEqualTo("null MX (accepts no mail)");
    assertThat(e.result().findings()).isEmpty();
    assertThat(e.hosts().kind()).isEqualTo(MxHosts.Kind.NULL_MX);
    assertThat(e.hosts().hosts()).isEmpty();
  }

  @Test
  void aNullMxBesideOtherRecordsIsFlaggedAndTheOthersAreResolved() {
    MxEvaluation e = evaluate("mixed");
    assertThat(e.result().status()).isEqualTo(Status.WARN);
    assertThat(codes(e.result())).containsExactly("MX_NULL_MIXED");
    assertThat(e.result().summary()).isEqualTo("1 host: 10 mx1.vendor.test (2 addresses)");
    assertThat(e.hosts().hosts()).extracting(MxHost::name).containsExactly(DomainName.of("mx1.vendor.test"));
  }

  @Test
  void anMxTargetThatIsAnAliasIsFlagged() {
    CheckResult r = run("cname");
    assertThat(r.status()).isEqualTo(Status.WARN);
    assertThat(codes(r)).containsExactly("MX_TARGET_CNAME");
    assertThat(r.findings().get(0).message()).contains("alias.vendor.test");
    assertThat(r.summary()).isEqualTo("1 host: 10 alias.vendor.test (2 addresses)");
  }

  @Test
  void aHostWithoutAddressWarnsWhileAnotherHostHasOne() {
    CheckResult r = run("noaddr");
    assertThat(r.status()).isEqualTo(Status.WARN);
    assertThat(codes(r)).containsExactly("MX_HOST_NO_ADDRESS");
    assertThat(r.findings().get(0).severity()).isEqualTo(Severity.MEDIUM);
    assertThat(r.summary()).isEqualTo("2 hosts: 10 mx1.vendor.test (2 addresses), 20 empty.vendor.test (0 addresses)");
  }

  @Test
  void noHostWithAnAddressFails() {
    CheckResult r = run("allnoaddr");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(codes(r)).containsExactly("MX_HOST_NO_ADDRESS");
    assertThat(r.findings().get(0).severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void anIpAddressAsMxTargetFailsWithoutBeingLookedUp() {
    CheckResult r = run("literal");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(codes(r)).containsExactly("MX_TARGET_IP_LITERAL");
    assertThat(r.evidence()).contains(";; 127.0.0.9 is an IP literal; not looked up");
  }

  @Test
  void theHostCapIsConfigurable() {
    MxEvaluation e = new MxCheck(dns, 3).evaluate(DomainName.of("many.vendor.test")).join();
    assertThat(e.hosts().hosts()).extracting(h -> h.name().text())
        .containsExactly("h01.vendor.test", "h02.vendor.test", "h03.vendor.test");
    assertThat(e.result().findings().get(0).message()).contains("12 MX hosts; only the first 3");
  }

  @Test
  void onlyTheFirstTenHostsByPreferenceAreResolved() {
    MxEvaluation e = evaluate("many");
    assertThat(e.result().status()).isEqualTo(Status.WARN);
    assertThat(codes(e.result())).containsExactly("MX_TOO_MANY_HOSTS");
    assertThat(e.hosts().hosts()).hasSize(MxCheck.MAX_HOSTS);
    assertThat(e.hosts().hosts().get(9).name()).isEqualTo(DomainName.of("h10.vendor.test"));
    assertThat(e.result().summary()).isEqualTo("12 hosts: 10 h01.vendor.test (1 address),"
        + " 20 h02.vendor.test (1 address), 30 h03.vendor.test (1 address), +9 more");
    assertThat(e.result().evidence()).noneMatch(l -> l.contains("h11.vendor.test A"));
  }

  @Test
  void aTimeoutOnOneHostIsInconclusiveAndNamesIt() {
    MxEvaluation e = evaluate("slow");
    CheckResult r = e.result();
    assertThat(r.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(r.reason()).contains("hang.vendor.test").contains("TIMEOUT")
        .doesNotContain("mx1.vendor.test");
    assertThat(r.findings()).isEmpty();
    assertThat(e.hosts().complete()).isFalse();
  }
}
