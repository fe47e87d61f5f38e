package io.mailsweep.check.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.Finding;
import io.mailsweep.check.ScanTarget;
import io.mailsweep.check.Status;
import io.mailsweep.check.transport.CertificateEvaluator;
import io.mailsweep.check.transport.CertificateSettings;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.CidrRange;
import io.mailsweep.net.TargetPolicy;
import io.mailsweep.net.access.AccessProtocol;
import io.mailsweep.net.access.AccessSettings;
import io.mailsweep.net.access.SocketAccessProbe;
import io.mailsweep.net.tls.TrustMaterial;
import io.mailsweep.scan.AccessProbes;
import io.mailsweep.testing.access.AccessScenario;
import io.mailsweep.testing.access.LabAccessServer;
import io.mailsweep.testing.dns.LabDns;
import io.mailsweep.testing.tls.TestCa;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access check end to end on loopback: SRV and address records in the lab DNS server, lab
 * IMAP, POP3 and submission servers on 127.0.0.1 (the SRV records carry their ephemeral ports),
 * the real socket probe, the run-wide prober and the certificate evaluator. Only 127.0.0.1/32 may
 * be contacted; one domain's record points at a lab server on 127.0.99.1, which must never see a
 * connection. No server ever receives a credential.
 */
class MailAccessCheckTest {
  static final String ZONE = "mc.test";
  static final TestCa CA = TestCa.create("Access Lab CA");
  static final Duration T = Duration.ofMillis(800);

  @TempDir static Path zones;
  static LabDns lab;
  static final List<LabAccessServer> servers = new ArrayList<>();
  static LabAccessServer imaps;
  static LabAccessServer submission;
  static LabAccessServer laxImap;
  static LabAccessServer clearPop;
  static LabAccessServer outside;
  static LabAccessServer shared;
  static ExecutorService pool;
  static AccessProbes probes;
  static MailAccessCheck check;

  @BeforeAll
  static void start() throws Exception {
    imaps = serve(AccessScenario.implicitTls(AccessProtocol.IMAP, CA.issue("imap.good.mc.test")).build());
    submission = serve(AccessScenario.starttls(AccessProtocol.SUBMISSION, CA.issue("smtp.good.mc.test")).build());
    LabAccessServer submissions =
        serve(AccessScenario.implicitTls(AccessProtocol.SUBMISSION, CA.issue("smtp.good.mc.test")).build());
    laxImap = serve(AccessScenario.starttls(AccessProtocol.IMAP, CA.issue("mail.lax.mc.test"))
        .capabilities("IMAP4rev1", "AUTH=PLAIN").build());
    clearPop = serve(AccessScenario.plain(AccessProtocol.POP3).capabilities("USER", "TOP").build());
    shared = serve(AccessScenario.implicitTls(AccessProtocol.IMAP, CA.issue("imap.provider.mc.test")).build());
    outside = LabAccessServer.start(AccessScenario.implicitTls(AccessProtocol.IMAP, CA.issue("imap.outside.mc.test"))
        .build(), new InetSocketAddress("127.0.99.1", 0));
    int refused = LabAccessServer.refusedPort();
    lab = LabDns.serve(zones, LabDns.zone(ZONE) + String.join("\n",
        "_imaps._tcp.good        IN SRV 0 1 " + port(imaps) + " imap.good",
        "_submission._tcp.good   IN SRV 0 1 " + port(submission) + " smtp.good",
        "_submissions._tcp.good  IN SRV 0 1 " + port(submissions) + " smtp.good",
        "_pop3s._tcp.good        IN SRV 0 0 0 .",
        "imap.good               IN A   127.0.0.1",
        "smtp.good               IN A   127.0.0.1",
        "_imap._tcp.lax          IN SRV 0 1 " + port(laxImap) + " mail.lax",
        "mail.lax                IN A   127.0.0.1",
        "_pop3._tcp.clear        IN SRV 0 1 " + port(clearPop) + " mail.clear",
        "mail.clear              IN A   127.0.0.1",
        "_imaps._tcp.outside     IN SRV 0 1 " + port(outside) + " imap.outside",
        "imap.outside            IN A   127.0.99.1",
        "_imaps._tcp.refused     IN SRV 0 1 " + refused + " imap.refused",
        "imap.refused            IN A   127.0.0.1",
        "_imaps._tcp.one         IN SRV 0 1 " + port(shared) + " imap.provider",
        "_imaps._tcp.two         IN SRV 0 1 " + port(shared) + " imap.provider",
        "imap.provider           IN A   127.0.0.1",
        ""));
    pool = Executors.newFixedThreadPool(4);
    probes = new AccessProbes(new SocketAccessProbe(AccessSettings.DEFAULTS.withTimeouts(T, T, T, Duration.ofSeconds(5))),
        TargetPolicy.only(List.of(CidrRange.parse("127.0.0.1/32"))), pool, 100, 4);
    CertificateEvaluator certificates = new CertificateEvaluator(TrustMaterial.only(List.of(CA.certificate())),
        CertificateSettings.DEFAULTS);
    check = new MailAccessCheck(lab.dns(), probes, certificates, Clock.systemUTC(), 3, 12);
  }

  private static LabAccessServer serve(AccessScenario scenario) throws Exception {
    LabAccessServer server = LabAccessServer.start(scenario);
    servers.add(server);
    return server;
  }

  private static int port(LabAccessServer server) {
    return server.address().getPort();
  }

  @AfterEach
  void noCredentialWasEverSent() {
    for (LabAccessServer s : servers) {
      assertThat(s.credentialCommands()).isEmpty();
    }
  }

  @AfterAll
  static void stop() {
    servers.forEach(LabAccessServer::close);
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
  void implicitTlsAndStartTlsWithoutPlaintextLoginPass() {
    CheckResult r = run("good");
    assertThat(r.findings()).isEmpty();
    assertThat(r.status()).isEqualTo(Status.PASS);
    assertThat(r.summary())
        .isEqualTo("imaps TLSv1.3; pop3s not offered; submissions TLSv1.3; submission STARTTLS TLSv1.3");
    assertThat(r.attribute(MailAccessCheck.LOGIN_BEFORE_TLS)).isEqualTo("no");
    assertThat(r.accessServers()).extracting(AccessServer::host, AccessServer::tls, AccessServer::validation)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("imap.good.mc.test", "implicit TLS", "valid"),
            org.assertj.core.groups.Tuple.tuple("smtp.good.mc.test", "implicit TLS", "valid"),
            org.assertj.core.groups.Tuple.tuple("smtp.good.mc.test", "STARTTLS", "valid"));
    assertThat(submission.commands()).anyMatch(c -> c.startsWith("EHLO")).contains("STARTTLS");
  }

  @Test
  void imapWithoutLoginDisabledOffersALoginBeforeTls() {
    CheckResult r = run("lax");
    assertThat(codes(r)).containsExactlyInAnyOrder("ACCESS_LOGIN_BEFORE_TLS", "ACCESS_STARTTLS_ONLY");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.attribute(MailAccessCheck.LOGIN_BEFORE_TLS)).isEqualTo("yes: imap");
    assertThat(r.accessServers().get(0).loginBeforeTls()).startsWith("yes: ").contains("AUTH=PLAIN");
  }

  @Test
  void pop3WithoutStlsIsCleartextOnly() {
    CheckResult r = run("clear");
    assertThat(codes(r)).containsExactlyInAnyOrder("ACCESS_CLEARTEXT_ONLY", "ACCESS_LOGIN_BEFORE_TLS");
    assertThat(r.summary()).isEqualTo("pop3 cleartext, login before TLS");
    assertThat(r.accessServers().get(0).tls()).isEqualTo("no");
  }

  @Test
  void anAddressOutsideTheAllowedTargetsIsNeverContacted() {
    CheckResult r = run("outside");
    assertThat(outside.connections()).isZero();
    assertThat(r.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(r.reason()).contains("imap.outside.mc.test", "127.0.99.1", "not contacted");
    assertThat(r.accessServers().get(0).tls()).startsWith("not tested: ");
  }

  @Test
  void aClosedPortIsUnreachable() {
    CheckResult r = run("refused");
    assertThat(codes(r)).containsExactly("ACCESS_UNREACHABLE");
    assertThat(r.status()).isEqualTo(Status.WARN);
  }

  @Test
  void aHostNamedByTwoDomainsIsProbedOnce() {
    long before = probes.probesStarted();
    int connections = shared.connections();
    assertThat(run("one").status()).isEqualTo(Status.PASS);
    assertThat(run("two").status()).isEqualTo(Status.PASS);
    assertThat(probes.probesStarted() - before).isEqualTo(1);
    assertThat(shared.connections() - connections).isEqualTo(1);
  }
}
