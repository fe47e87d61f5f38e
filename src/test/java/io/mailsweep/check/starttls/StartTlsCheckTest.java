package io.mailsweep.check.starttls;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.Finding;
import io.mailsweep.check.ScanTarget;
import io.mailsweep.check.Status;
import io.mailsweep.check.transport.CertificateEvaluator;
import io.mailsweep.check.transport.CertificateSettings;
import io.mailsweep.check.transport.MailServer;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.CidrRange;
import io.mailsweep.net.TargetPolicy;
import io.mailsweep.net.smtp.SmtpSettings;
import io.mailsweep.net.smtp.SocketSmtpProbe;
import io.mailsweep.net.tls.TrustMaterial;
import io.mailsweep.scan.MxProbes;
import io.mailsweep.testing.dns.LabDns;
import io.mailsweep.testing.smtp.LabSmtpServer;
import io.mailsweep.testing.smtp.Scenario;
import io.mailsweep.testing.tls.TestCa;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The STARTTLS check end to end on loopback: MX records in the lab DNS server, one lab SMTP server
 * per MX address (all on one port, on addresses of 127.0.26.0/24, which alone may be contacted),
 * the real socket probe and certificate evaluator, and the run-wide prober in between.
 */
class StartTlsCheckTest {
  static final String ZONE = "st.test";
  static final TestCa CA = TestCa.create("Lab CA");
  static final String[] MODERN = {"TLSv1.3", "TLSv1.2"};
  /** The test JVM lets servers offer legacy suites too (LegacyTls): lab servers name theirs. */
  static final String[] STRONG = {"TLS_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"};

  @TempDir static Path zones;
  static LabDns lab;
  static final List<LabSmtpServer> servers = new ArrayList<>();
  static LabSmtpServer outside;
  static ExecutorService pool;
  static MxProbes probes;
  static StartTlsCheck check;
  static int port;

  @BeforeAll
  static void start() throws Exception {
    LabSmtpServer good = LabSmtpServer.start(Scenario.starttls(CA.issue("mx1.good.st.test", "mx.shared.st.test"))
        .protocols(MODERN).cipherSuites(STRONG).build(), new InetSocketAddress("127.0.26.1", 0));
    port = good.address().getPort();
    servers.add(good);
    serve("127.0.26.2", Scenario.plain().noStarttls().build());
    serve("127.0.26.3", Scenario.starttls(CA.leaf().names("mx1.expired.st.test").expired().issue())
        .protocols(MODERN).build());
    serve("127.0.26.4", Scenario.starttls(CA.issue("mx1.legacy.st.test")).protocols("TLSv1.2", "TLSv1").build());
    serve("127.0.26.7", Scenario.starttls(CA.issue("mx1.weak.st.test")).protocols(MODERN)
        .cipherSuites("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA").build());
    serve("127.0.26.5", Scenario.starttls(CA.issue("mx1.tarpit.st.test")).tarpit().build());
    outside = LabSmtpServer.start(Scenario.starttls(CA.issue("mx1.outside.st.test")).build(),
        new InetSocketAddress("127.0.99.1", port));
    lab = LabDns.serve(zones, LabDns.zone(ZONE) + """
        good              IN MX 10 mx1.good
        mx1.good          IN A  127.0.26.1
        shared            IN MX 10 mx.shared
        mx.shared         IN A  127.0.26.1
        plain             IN MX 10 mx1.plain
        mx1.plain         IN A  127.0.26.2
        partial           IN MX 10 mx1.good
        partial           IN MX 20 mx1.plain
        expired           IN MX 10 mx1.expired
        mx1.expired       IN A  127.0.26.3
        legacy            IN MX 10 mx1.legacy
        mx1.legacy        IN A  127.0.26.4
        weak              IN MX 10 mx1.weak
        mx1.weak          IN A  127.0.26.7
        tarpit            IN MX 10 mx1.tarpit
        mx1.tarpit        IN A  127.0.26.5
        refused           IN MX 10 mx1.refused
        mx1.refused       IN A  127.0.26.6
        outside           IN MX 10 mx1.outside
        mx1.outside       IN A  127.0.99.1
        nullmx            IN MX 0 .
        """);
    pool = Executors.newFixedThreadPool(4);
    SmtpSettings smtp = SmtpSettings.DEFAULTS.withTimeouts(Duration.ofMillis(500), Duration.ofMillis(400),
        Duration.ofMillis(800), Duration.ofSeconds(8));
    probes = new MxProbes(new SocketSmtpProbe(smtp), TargetPolicy.only(List.of(CidrRange.parse("127.0.26.0/24"))),
        port, pool, 100);
    CertificateEvaluator certificates = new CertificateEvaluator(TrustMaterial.only(List.of(CA.certificate())),
        CertificateSettings.DEFAULTS);
    check = new StartTlsCheck(lab.dns(), probes, certificates, Clock.systemUTC());
  }

  private static void serve(String address, Scenario scenario) throws Exception {
    servers.add(LabSmtpServer.start(scenario, new InetSocketAddress(InetAddress.getByName(address), port)));
  }

  @AfterAll
  static void stop() {
    servers.forEach(LabSmtpServer::close);
    outside.close();
    lab.close();
    pool.shutdownNow();
  }

  private static CheckResult run(String label) {
    return check.run(ScanTarget.of(DomainName.of(label + "." + ZONE))).join();
  }

  private static List<String> codes(CheckResult r) {
    return r.findings().stream().map(Finding::code).toList();
  }

  @Test
  void authenticatedStartTlsWithModernProtocolsPasses() {
    CheckResult r = run("good");
    assertThat(r.findings()).isEmpty();
    assertThat(r.status()).isEqualTo(Status.PASS);
    assertThat(r.attribute(StartTlsEvaluator.STARTTLS)).isEqualTo("yes");
    assertThat(r.attribute(StartTlsEvaluator.WORST_TLS)).isEqualTo("TLSv1.2");
    assertThat(r.attribute(StartTlsEvaluator.CERTIFICATE)).isEqualTo("valid");
    assertThat(r.summary()).startsWith("STARTTLS yes (1/1 addresses)");
    MailServer row = r.servers().get(0);
    assertThat(row.host()).isEqualTo("mx1.good.st.test");
    assertThat(row.address()).isEqualTo("127.0.26.1");
    assertThat(row.port()).isEqualTo(port);
    assertThat(row.protocol()).isEqualTo("TLSv1.3");
    assertThat(row.protocols()).contains("TLSv1.3", "TLSv1.2").doesNotContain("TLSv1.1");
    assertThat(row.subject()).contains("CN=mx1.good.st.test");
    assertThat(row.issuer()).contains("CN=Lab CA");
    assertThat(row.validation()).isEqualTo("valid");
    assertThat(row.key()).isEqualTo("EC 256 bits, SHA256withECDSA");
    assertThat(r.evidence()).anyMatch(l -> l.startsWith(";; certificate of mx1.good.st.test (127.0.26.1): subject CN=")
        && l.contains("issuer CN=Lab CA") && l.endsWith("valid for mx1.good.st.test"));
  }

  @Test
  void noStartTlsFails() {
    CheckResult r = run("plain");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.attribute(StartTlsEvaluator.STARTTLS)).isEqualTo("no");
    assertThat(codes(r)).containsExactly("STARTTLS_MISSING");
    assertThat(r.servers().get(0).starttls()).isEqualTo("no");
  }

  @Test
  void oneHostWithoutStartTlsIsPartial() {
    CheckResult r = run("partial");
    assertThat(r.attribute(StartTlsEvaluator.STARTTLS)).isEqualTo("partial");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.servers()).extracting(MailServer::host).containsExactly("mx1.good.st.test", "mx1.plain.st.test");
  }

  @Test
  void expiredCertificateIsEncryptedButNotAuthenticated() {
    CheckResult r = run("expired");
    assertThat(r.attribute(StartTlsEvaluator.STARTTLS)).isEqualTo("yes");
    assertThat(r.attribute(StartTlsEvaluator.CERTIFICATE)).isEqualTo("expired (mx1.expired.st.test)");
    assertThat(codes(r)).contains("CERT_EXPIRED");
    assertThat(r.status()).isEqualTo(Status.WARN);
    assertThat(r.servers().get(0).validation()).startsWith("expired");
  }

  @Test
  void legacyProtocolVersionIsTheWorstAccepted() {
    CheckResult r = run("legacy");
    assertThat(r.attribute(StartTlsEvaluator.WORST_TLS)).isEqualTo("TLSv1");
    assertThat(codes(r)).contains("TLS_LEGACY_VERSION");
    assertThat(r.status()).isEqualTo(Status.WARN);
  }

  @Test
  void aWeakCipherSuiteAcceptedWarns() {
    CheckResult r = run("weak");
    assertThat(codes(r)).containsExactly("TLS_WEAK_CIPHER");
    assertThat(r.findings().get(0).message()).contains("TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA");
    assertThat(r.servers().get(0).weakCiphers()).isEqualTo("TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA");
    assertThat(r.status()).isEqualTo(Status.WARN);
  }

  @Test
  void aTarpitIsNotTestedNeverFailed() {
    CheckResult r = run("tarpit");
    assertThat(r.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(r.attribute(StartTlsEvaluator.STARTTLS)).isEqualTo("not tested");
    assertThat(r.reason()).contains("mx1.tarpit.st.test", "banner timeout");
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void aRefusedPortIsNotTested() {
    CheckResult r = run("refused");
    assertThat(r.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(r.reason()).contains("connect refused");
    assertThat(r.summary()).startsWith("STARTTLS not tested: connect refused").contains("mx1.refused.st.test");
  }

  @Test
  void anAddressOutsideTheAllowedRangesIsNeverContacted() {
    CheckResult r = run("outside");
    assertThat(r.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(r.reason()).contains("127.0.99.1 is outside --allow-targets 127.0.26.0/24");
    assertThat(r.servers().get(0).starttls()).startsWith("not tested: ");
    assertThat(outside.connections()).isZero();
  }

  @Test
  void aSpecialPurposeAddressIsAFindingNotAConnection() {
    MxProbes publicOnly = new MxProbes(new SocketSmtpProbe(SmtpSettings.DEFAULTS), TargetPolicy.publicOnly(), port,
        pool, 10);
    StartTlsCheck strict = new StartTlsCheck(lab.dns(), publicOnly, new CertificateEvaluator(
        TrustMaterial.only(List.of(CA.certificate())), CertificateSettings.DEFAULTS), Clock.systemUTC());
    int before = servers.get(1).connections();

    CheckResult r = strict.run(ScanTarget.of(DomainName.of("plain." + ZONE))).join();

    assertThat(codes(r)).containsExactly("MX_ADDRESS_SPECIAL");
    assertThat(r.findings().get(0).message()).contains("127.0.26.2", "loopback");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(publicOnly.probesStarted()).isZero();
    assertThat(servers.get(1).connections()).isEqualTo(before);
  }

  @Test
  void addressesPastTheCapAreLeftOutAndSaidSo() {
    StartTlsCheck capped = new StartTlsCheck(new io.mailsweep.check.mx.MxCheck(lab.dns()), probes,
        new CertificateEvaluator(TrustMaterial.only(List.of(CA.certificate())), CertificateSettings.DEFAULTS),
        Clock.systemUTC(), 1);
    CheckResult r = capped.run(ScanTarget.of(DomainName.of("partial." + ZONE))).join();
    assertThat(r.servers()).extracting(MailServer::host).containsExactly("mx1.good.st.test");
    assertThat(r.summary()).endsWith("; 1 more addresses not probed (--max-mx-addresses 1)");
  }

  @Test
  void nullMxIsNotApplicable() {
    CheckResult r = run("nullmx");
    assertThat(r.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(r.summary()).contains("null MX");
  }

  @Test
  void anAddressServingManyDomainsIsProbedOnce() {
    run("good");
    long before = probes.probesStarted();
    CheckResult shared = run("shared");
    assertThat(probes.probesStarted()).as("127.0.26.1 again, under another MX name").isEqualTo(before);
    assertThat(shared.attribute(StartTlsEvaluator.CERTIFICATE)).isEqualTo("valid");
    assertThat(shared.servers().get(0).host()).isEqualTo("mx.shared.st.test");
  }

  @Test
  void versionsAndWeakSuitesAreAttributesForProfiles() {
    CheckResult good = run("good");
    assertThat(good.attribute(TlsAttributes.TLS_VERSIONS)).isEqualTo("TLSv1.2,TLSv1.3");
    assertThat(good.attribute(TlsAttributes.TLS_VERSIONS_TESTED)).isEqualTo("yes");
    assertThat(good.attribute(TlsAttributes.WEAK_CIPHERS)).isEqualTo("none");
    assertThat(good.attribute(TlsAttributes.WEAK_CIPHERS_TESTED)).isEqualTo("yes");
    assertThat(run("legacy").attribute(TlsAttributes.TLS_VERSIONS)).isEqualTo("TLSv1,TLSv1.2");
    assertThat(run("weak").attribute(TlsAttributes.WEAK_CIPHERS)).isEqualTo("3DES");
    CheckResult plain = run("plain");
    assertThat(plain.attribute(TlsAttributes.TLS_VERSIONS)).isEmpty();
    assertThat(plain.attribute(TlsAttributes.WEAK_CIPHERS_TESTED)).isEqualTo("no");
  }
}
