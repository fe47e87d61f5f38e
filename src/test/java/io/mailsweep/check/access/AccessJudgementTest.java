package io.mailsweep.check.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.Finding;
import io.mailsweep.check.ScanTarget;
import io.mailsweep.check.Status;
import io.mailsweep.check.transport.CertificateEvaluator;
import io.mailsweep.check.transport.CertificateSettings;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.access.AccessOutcome;
import io.mailsweep.net.access.AccessProbeResult;
import io.mailsweep.net.tls.TrustMaterial;
import io.mailsweep.testing.dns.LabDns;
import io.mailsweep.testing.tls.HeldCertificate;
import io.mailsweep.testing.tls.TestCa;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access check's discovery and judgement: SRV records and addresses from the lab DNS server
 * over loopback, and what each probe saw given by a prober that answers from a table (the socket
 * probe has tests of its own, and the check meets it in {@code MailAccessCheckTest}). The table is
 * keyed by host and service; the prober records what it was asked.
 */
class AccessJudgementTest {
  static final String ZONE = "ac.test";
  static final TestCa CA = TestCa.create("Access CA");
  static final HeldCertificate IMAP_CERT = CA.issue("imap.good.ac.test");
  static final HeldCertificate DOMAIN_CERT = CA.issue("shared.ac.test");

  @TempDir static Path zones;
  static LabDns lab;
  static final Map<String, AccessProbeResult> answers = new ConcurrentHashMap<>();
  static final List<String> asked = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    lab = LabDns.serve(zones, LabDns.zone(ZONE) + """
        _imaps._tcp.good       IN SRV 0 1 993 imap.good
        _submissions._tcp.good IN SRV 0 1 465 imap.good
        _imap._tcp.good        IN SRV 0 0 0 .
        _pop3._tcp.good        IN SRV 0 0 0 .
        _pop3s._tcp.good       IN SRV 0 0 0 .
        _submission._tcp.good  IN SRV 0 0 0 .
        imap.good              IN A   127.0.25.1
        _imap._tcp.lax         IN SRV 0 1 143 mail.lax
        mail.lax               IN A   127.0.25.2
        _pop3._tcp.clear       IN SRV 0 1 110 mail.clear
        mail.clear             IN A   127.0.25.3
        _imaps._tcp.dangling   IN SRV 0 1 993 gone.dangling
        _imaps._tcp.off        IN SRV 0 0 0 .
        _imaps._tcp.slow       IN SRV 0 1 993 mail.slow
        mail.slow              IN A   127.0.25.5
        _imaps._tcp.shared     IN SRV 0 1 993 mail.provider
        mail.provider          IN A   127.0.25.6
        _imaps._tcp.old        IN SRV 0 1 993 mail.old
        mail.old               IN A   127.0.25.7
        _imaps._tcp.many       IN SRV 10 1 993 a.many
        _imaps._tcp.many       IN SRV 20 1 993 b.many
        a.many                 IN A   127.0.25.8
        b.many                 IN A   127.0.25.9
        _pop3._tcp.refused     IN SRV 0 1 110 mail.refused
        mail.refused           IN A   127.0.25.10
        imap.guess             IN A   127.0.25.11
        """);
    answer("imap.good.ac.test", AccessService.IMAPS, tls(AccessService.IMAPS, "TLSv1.3", IMAP_CERT, List.of()));
    answer("imap.good.ac.test", AccessService.SUBMISSIONS,
        tls(AccessService.SUBMISSIONS, "TLSv1.3", IMAP_CERT, List.of()));
    answer("mail.lax.ac.test", AccessService.IMAP, new AccessProbeResult(address("127.0.25.2", 143),
        AccessService.IMAP.protocol(), AccessService.IMAP.security(), AccessOutcome.TLS, "* OK ready",
        List.of("IMAP4REV1", "STARTTLS", "AUTH=PLAIN"), true, true, List.of("LOGIN", "AUTH=PLAIN"), "TLSv1.2",
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", CA.issue("mail.lax.ac.test").chain(), "TLSv1.2 after STARTTLS",
        3));
    answer("mail.clear.ac.test", AccessService.POP3, new AccessProbeResult(address("127.0.25.3", 110),
        AccessService.POP3.protocol(), AccessService.POP3.security(), AccessOutcome.NO_STARTTLS, "+OK POP3",
        List.of("USER", "TOP"), false, true, List.of("USER"), null, null, List.of(), "STLS not in CAPA", 2));
    answer("mail.slow.ac.test", AccessService.IMAPS, failure(AccessService.IMAPS, "127.0.25.5",
        AccessOutcome.TIMEOUT, "no greeting within 400 ms"));
    answer("mail.provider.ac.test", AccessService.IMAPS, tls(AccessService.IMAPS, "TLSv1.3", DOMAIN_CERT, List.of()));
    answer("mail.old.ac.test", AccessService.IMAPS,
        tls(AccessService.IMAPS, "TLSv1", CA.issue("mail.old.ac.test"), List.of()));
    answer("a.many.ac.test", AccessService.IMAPS, tls(AccessService.IMAPS, "TLSv1.3", CA.issue("a.many.ac.test"),
        List.of()));
    answer("mail.refused.ac.test", AccessService.POP3, failure(AccessService.POP3, "127.0.25.10",
        AccessOutcome.CONNECT_FAILED, "connection refused"));
  }

  static {
    answer("imap.guess.ac.test", AccessService.IMAPS, tls(AccessService.IMAPS, "TLSv1.3",
        CA.issue("imap.guess.ac.test"), List.of()));
    answer("imap.guess.ac.test", AccessService.IMAP, failure(AccessService.IMAP, "127.0.25.11",
        AccessOutcome.CONNECT_FAILED, "connection refused"));
  }

  @AfterAll
  static void stop() {
    lab.close();
  }

  private static void answer(String host, AccessService service, AccessProbeResult result) {
    answers.put(host + " " + service, result);
  }

  private static InetSocketAddress address(String ip, int port) {
    return new InetSocketAddress(ip, port);
  }

  private static AccessProbeResult tls(AccessService service, String protocol, HeldCertificate cert,
      List<String> capabilities) {
    return new AccessProbeResult(address("127.0.25.1", service.protocol().port(service.security())),
        service.protocol(), service.security(), AccessOutcome.TLS, "* OK", capabilities, false, null, List.of(),
        protocol, "TLS_AES_128_GCM_SHA256", cert.chain(), protocol + " TLS_AES_128_GCM_SHA256", 4);
  }

  private static AccessProbeResult failure(AccessService service, String ip, AccessOutcome outcome, String detail) {
    return new AccessProbeResult(address(ip, service.protocol().port(service.security())), service.protocol(),
        service.security(), outcome, null, List.of(), false, null, List.of(), null, null, List.of(), detail, 400);
  }

  private static final AccessProber PROBER = (host, address, port, service) -> {
    synchronized (asked) {
      asked.add(host + " " + address + ":" + port + " " + service);
    }
    AccessProbeResult r = answers.get(host.text() + " " + service);
    return CompletableFuture.completedFuture(r == null
        ? AccessObservation.skipped(host, address, port, service, "no answer in the table")
        : new AccessObservation(host, address, port, service, null, r));
  };

  private static CheckResult run(String label, int maxProbes) {
    return run(label, maxProbes, false);
  }

  private static CheckResult run(String label, int maxProbes, boolean guess) {
    CertificateEvaluator certificates = new CertificateEvaluator(TrustMaterial.only(List.of(CA.certificate())),
        CertificateSettings.DEFAULTS);
    return new MailAccessCheck(lab.dns(), PROBER, certificates, Clock.systemUTC(), 3, maxProbes, guess)
        .run(ScanTarget.of(DomainName.of(label + "." + ZONE))).join();
  }

  private static CheckResult run(String label) {
    return run(label, 12);
  }

  private static List<String> codes(CheckResult r) {
    return r.findings().stream().map(Finding::code).toList();
  }

  @Test
  void implicitTlsWithValidCertificatesAndTheRestNotOfferedPasses() {
    CheckResult r = run("good");
    assertThat(r.findings()).isEmpty();
    assertThat(r.status()).isEqualTo(Status.PASS);
    assertThat(r.summary()).isEqualTo("imaps TLSv1.3; imap not offered; pop3s not offered; pop3 not offered;"
        + " submissions TLSv1.3; submission not offered");
    assertThat(r.attribute(MailAccessCheck.LOGIN_BEFORE_TLS)).isEmpty();
    assertThat(r.accessServers()).extracting(AccessServer::service, AccessServer::port, AccessServer::tls,
        AccessServer::validation).containsExactly(
            org.assertj.core.groups.Tuple.tuple("imaps", 993, "implicit TLS", "valid"),
            org.assertj.core.groups.Tuple.tuple("submissions", 465, "implicit TLS", "valid"));
    assertThat(r.accessServers().get(0).subject()).contains("CN=imap.good.ac.test");
    assertThat(r.evidence()).anyMatch(l -> l.startsWith("_imaps._tcp.good.ac.test") && l.contains("SRV"));
  }

  @Test
  void loginOfferedBeforeStartTlsFailsAndStartTlsOnlyIsNoted() {
    CheckResult r = run("lax");
    assertThat(codes(r)).containsExactlyInAnyOrder("ACCESS_LOGIN_BEFORE_TLS", "ACCESS_STARTTLS_ONLY");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.attribute(MailAccessCheck.LOGIN_BEFORE_TLS)).isEqualTo("yes: imap");
    assertThat(r.summary()).isEqualTo("imap STARTTLS TLSv1.2, login before TLS");
    assertThat(r.findings().get(0).message()).contains("mail.lax.ac.test:143", "LOGIN, AUTH=PLAIN");
    assertThat(r.accessServers().get(0).loginBeforeTls()).isEqualTo("yes: LOGIN, AUTH=PLAIN");
  }

  @Test
  void cleartextOnlyFails() {
    CheckResult r = run("clear");
    assertThat(codes(r)).containsExactlyInAnyOrder("ACCESS_CLEARTEXT_ONLY", "ACCESS_LOGIN_BEFORE_TLS");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.summary()).isEqualTo("pop3 cleartext, login before TLS");
    assertThat(r.accessServers().get(0).tls()).isEqualTo("no");
  }

  @Test
  void noSrvRecordsIsNotApplicableWithAnInformationalFinding() {
    CheckResult r = run("nothing");
    assertThat(r.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(codes(r)).containsExactly("ACCESS_NONE_PUBLISHED");
    assertThat(r.summary()).isEqualTo("none published");
    assertThat(r.evidence()).hasSize(6).allMatch(l -> l.contains("NXDOMAIN"));
  }

  @Test
  void servicesAllDeclaredNotOfferedAreNotApplicable() {
    CheckResult r = run("off");
    assertThat(r.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(r.findings()).isEmpty();
    assertThat(r.summary()).isEqualTo("imaps not offered");
  }

  @Test
  void aTargetWithoutAddressesIsAFinding() {
    CheckResult r = run("dangling");
    assertThat(codes(r)).containsExactly("ACCESS_SRV_NO_ADDRESS");
    assertThat(r.status()).isEqualTo(Status.WARN);
    assertThat(r.summary()).isEqualTo("imaps no address");
  }

  @Test
  void noAnswerInTimeIsNotTestedNeverFailed() {
    CheckResult r = run("slow");
    assertThat(r.findings()).isEmpty();
    assertThat(r.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(r.reason()).contains("mail.slow.ac.test:993", "no greeting within 400 ms");
    assertThat(r.summary()).isEqualTo("imaps no answer");
  }

  @Test
  void aRefusedConnectionIsUnreachable() {
    CheckResult r = run("refused");
    assertThat(codes(r)).contains("ACCESS_UNREACHABLE");
    assertThat(r.summary()).isEqualTo("pop3 connection refused");
  }

  @Test
  void aProviderCertificateNamingTheMailDomainIsValid() {
    CheckResult r = run("shared");
    assertThat(r.status()).isEqualTo(Status.PASS);
    assertThat(r.accessServers().get(0).validation()).isEqualTo("valid");
  }

  @Test
  void tlsOlderThan12Warns() {
    CheckResult r = run("old");
    assertThat(codes(r)).containsExactly("ACCESS_TLS_OLD");
    assertThat(r.status()).isEqualTo(Status.WARN);
    assertThat(r.summary()).isEqualTo("imaps TLSv1");
  }

  @Test
  void probesBeyondTheCapAreNotMadeAndSaidSo() {
    asked.clear();
    CheckResult r = run("many", 1);
    assertThat(asked).containsExactly("a.many.ac.test 127.0.25.8:993 IMAPS");
    assertThat(r.summary()).isEqualTo("imaps TLSv1.3; 1 more addresses not probed (--max-access-probes 1)");
  }

  @Test
  void guessedHostsThatAnswerAreJudgedAndTheRestSayNothing() {
    asked.clear();
    CheckResult r = run("guess", 12, true);
    assertThat(asked).contains("imap.guess.ac.test 127.0.25.11:993 IMAPS", "imap.guess.ac.test 127.0.25.11:143 IMAP");
    assertThat(codes(r)).containsExactly("ACCESS_NONE_PUBLISHED");
    assertThat(r.status()).isEqualTo(Status.PASS);
    assertThat(r.summary()).isEqualTo("imaps TLSv1.3 (guessed host)");
    assertThat(r.accessServers()).extracting(AccessServer::port).containsExactly(993);
    assertThat(r.evidence()).anyMatch(l -> l.contains("imap imap.guess.ac.test:143") && l.contains("guessed host")
        && l.contains("CONNECT_FAILED"));
  }

  @Test
  void withoutGuessingTheSameDomainIsNotApplicable() {
    CheckResult r = run("guess");
    assertThat(r.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(r.accessServers()).isEmpty();
  }

  @Test
  void guessedNamesThatDoNotExistAreNoFinding() {
    CheckResult r = run("nothing", 12, true);
    assertThat(r.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(codes(r)).containsExactly("ACCESS_NONE_PUBLISHED");
  }
}
