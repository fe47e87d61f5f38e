package io.mailsweep.check.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.Finding;
import io.mailsweep.check.ScanTarget;
import io.mailsweep.check.Status;
import io.mailsweep.check.transport.CertificateJudge;
import io.mailsweep.check.transport.MxProber;
import io.mailsweep.check.transport.ServerProbe;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.TargetGuard;
import io.mailsweep.net.https.HttpsSettings;
import io.mailsweep.net.https.PolicyRequest;
import io.mailsweep.net.https.SocketPolicyFetcher;
import io.mailsweep.net.smtp.SmtpOutcome;
import io.mailsweep.net.smtp.SmtpProbeResult;
import io.mailsweep.testing.dns.Fault;
import io.mailsweep.testing.dns.LabDns;
import io.mailsweep.testing.https.LabHttpsServer;
import io.mailsweep.testing.https.Reply;
import io.mailsweep.testing.tls.TestCa;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MTA-STS check end to end on loopback: records in the lab DNS server, policies from the lab
 * HTTPS server (certificates from a test CA), MX probes and the certificate judge as small fakes.
 */
class MtaStsCheckTest {
  static final String ZONE = "mtasts.test";
  static final String ENFORCE = "version: STSv1\nmode: enforce\nmx: mx1.%1$s\nmx: *.backup.%1$s\nmax_age: 604800\n";
  static final TestCa CA = TestCa.create("Lab CA");
  static final List<String> LABELS = List.of("ok", "uncovered", "badcert", "testing", "syntax", "gone", "moved",
      "norecord", "silent", "refused");

  @TempDir static Path zones;
  static LabDns lab;
  static LabHttpsServer https;
  static ExecutorService executor;
  static final List<String> probed = new CopyOnWriteArrayList<>();
  static MtaStsCheck check;

  @BeforeAll
  static void start() throws Exception {
    lab = LabDns.serve(zones, LabDns.zone(ZONE) + """
        absent              IN MX  10 mx1.absent
        mx1.absent          IN A   127.0.1.1
        nullmx              IN MX  0 .
        ok                  IN MX  10 mx1.ok
        ok                  IN MX  20 b1.backup.ok
        mx1.ok              IN A   127.0.1.1
        b1.backup.ok        IN A   127.0.1.2
        _mta-sts.ok         IN TXT "v=STSv1; id=20240101"
        _mta-sts.ok         IN TXT "v=spf1 -all"
        mta-sts.ok          IN A   127.0.0.1
        uncovered           IN MX  10 mx1.uncovered
        uncovered           IN MX  20 relay.uncovered
        mx1.uncovered       IN A   127.0.1.1
        relay.uncovered     IN A   127.0.1.3
        _mta-sts.uncovered  IN TXT "v=STSv1; id=2"
        mta-sts.uncovered   IN A   127.0.0.1
        badcert             IN MX  10 mx1.badcert
        mx1.badcert         IN A   127.0.1.4
        _mta-sts.badcert    IN TXT "v=STSv1; id=3"
        mta-sts.badcert     IN A   127.0.0.1
        testing             IN MX  10 mx1.testing
        mx1.testing         IN A   127.0.1.5
        _mta-sts.testing    IN TXT "v=STSv1; id=4"
        mta-sts.testing     IN A   127.0.0.1
        syntax              IN MX  10 mx1.syntax
        mx1.syntax          IN A   127.0.1.6
        _mta-sts.syntax     IN TXT "v=STSv1; id=5"
        mta-sts.syntax      IN A   127.0.0.1
        gone                IN MX  10 mx1.gone
        mx1.gone            IN A   127.0.1.7
        _mta-sts.gone       IN TXT "v=STSv1; id=6"
        mta-sts.gone        IN A   127.0.0.1
        moved               IN MX  10 mx1.moved
        mx1.moved           IN A   127.0.1.8
        _mta-sts.moved      IN TXT "v=STSv1; id=7"
        mta-sts.moved       IN A   127.0.0.1
        norecord            IN MX  10 mx1.norecord
        mx1.norecord        IN A   127.0.1.9
        mta-sts.norecord    IN A   127.0.0.1
        silent              IN MX  10 mx1.silent
        mx1.silent          IN A   127.0.1.10
        _mta-sts.silent     IN TXT "v=STSv1; id=8"
        mta-sts.silent      IN A   127.0.0.1
        wrongname           IN MX  10 mx1.wrongname
        mx1.wrongname       IN A   127.0.1.11
        _mta-sts.wrongname  IN TXT "v=STSv1; id=9"
        mta-sts.wrongname   IN A   127.0.0.1
        nohost              IN MX  10 mx1.nohost
        mx1.nohost          IN A   127.0.1.12
        _mta-sts.nohost     IN TXT "v=STSv1; id=10"
        _mta-sts.slow       IN TXT "v=STSv1; id=11"
        refused             IN MX  10 mx1.refused
        mx1.refused         IN A   127.0.1.13
        _mta-sts.refused    IN TXT "v=STSv1; id=12"
        mta-sts.refused     IN A   127.0.0.1
        """);
    lab.server().fault("_mta-sts.slow." + ZONE, "*", Fault.timeout());
    String[] policyHosts = LABELS.stream().map(l -> "mta-sts." + l + "." + ZONE).toArray(String[]::new);
    https = LabHttpsServer.start(CA.issue(policyHosts));
    route("ok", Reply.policy(String.format(ENFORCE, "ok." + ZONE)));
    route("uncovered", Reply.policy(String.format(ENFORCE, "uncovered." + ZONE)));
    route("badcert", Reply.policy(String.format(ENFORCE, "badcert." + ZONE)));
    route("testing", Reply.policy(String.format(ENFORCE, "testing." + ZONE).replace("enforce", "testing"))
        .framing(Reply.Framing.CHUNKED));
    route("syntax", Reply.policy(String.format(ENFORCE, "syntax." + ZONE).replace("604800", "99999999")));
    route("moved", Reply.redirect(301, "https://www.moved." + ZONE + "/mta-sts.txt"));
    route("norecord", Reply.policy(String.format(ENFORCE, "norecord." + ZONE)));
    route("silent", Reply.silent());
    route("wrongname", Reply.policy(String.format(ENFORCE, "wrongname." + ZONE)));
    executor = Executors.newFixedThreadPool(4);
    check = check(address -> null, https);
  }

  static void route(String label, Reply reply) {
    https.route("mta-sts." + label + "." + ZONE, PolicyRequest.MTA_STS_PATH, reply);
  }

  /** The check with a fetcher trusting the test CA (1 s deadline) and recording probes. */
  static MtaStsCheck check(TargetGuard guard, LabHttpsServer server) {
    SocketPolicyFetcher fetcher = new SocketPolicyFetcher(LabHttpsServer.trusting(CA),
        HttpsSettings.DEFAULTS.withDeadlines(Duration.ofMillis(500), Duration.ofSeconds(1)), executor);
    MxProber prober = (host, address) -> {
      probed.add(host + " " + address);
      SmtpProbeResult r = new SmtpProbeResult(new InetSocketAddress(address, 25), SmtpOutcome.TLS, "220 lab", true,
          "TLSv1.3", "TLS_AES_128_GCM_SHA256", CA.issue(host.text()).chain(), List.of(), List.of(), null, "TLS", 3);
      return CompletableFuture.completedFuture(new ServerProbe(host, address, 25, ServerProbe.Skip.NONE, null, r));
    };
    CertificateJudge judge = (host, chain) ->
        host.text().endsWith(".badcert." + ZONE) ? "certificate has expired" : null;
    return new MtaStsCheck(lab.dns(), fetcher, guard, prober, judge, server.port());
  }

  @AfterAll
  static void stop() {
    https.close();
    lab.close();
    executor.shutdownNow();
  }

  static CheckResult run(String label) {
    return check.run(ScanTarget.of(DomainName.of(label + "." + ZONE))).join();
  }

  static List<String> codes(CheckResult r) {
    return r.findings().stream().map(Finding::code).toList();
  }

  @Test
  void anEnforcedPolicyCoveringEveryMxPasses() {
    MtaStsEvaluation e = check.evaluate(DomainName.of("ok." + ZONE)).join();
    assertThat(e.result().status()).isEqualTo(Status.PASS);
    assertThat(e.result().summary()).isEqualTo("enforce (valid; id=20240101; max_age 604800)");
    assertThat(e.result().findings()).isEmpty();
    assertThat(e.posture()).isEqualTo(new MtaStsPosture("enforce", true));
    assertThat(probed).contains("mx1.ok.mtasts.test 127.0.1.1", "b1.backup.ok.mtasts.test 127.0.1.2");
    assertThat(https.requests()).anyMatch(r -> r.sni().equals("mta-sts.ok." + ZONE)
        && r.path().equals(PolicyRequest.MTA_STS_PATH));
  }

  @Test
  void anMxHostOutsideThePatternsFailsAndIsNotProbed() {
    CheckResult r = run("uncovered");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(codes(r)).containsExactly("MTASTS_MX_NOT_COVERED");
    assertThat(r.findings().get(0).message()).startsWith("MX host relay.uncovered.mtasts.test (preference 20)");
    assertThat(probed).contains("mx1.uncovered.mtasts.test 127.0.1.1")
        .doesNotContain("relay.uncovered.mtasts.test 127.0.1.3");
  }

  @Test
  void anEnforcedMxWithAFailingCertificateFails() {
    CheckResult r = run("badcert");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(codes(r)).containsExactly("MTASTS_MX_CERTIFICATE_INVALID");
    assertThat(r.findings().get(0).message()).isEqualTo("mx1.badcert.mtasts.test [127.0.1.4]: certificate not valid"
        + " for mx1.badcert.mtasts.test: certificate has expired");
  }

  @Test
  void aChunkedTestingPolicyWarnsAndItsMxIsNotProbed() {
    CheckResult r = run("testing");
    assertThat(r.status()).isEqualTo(Status.WARN);
    assertThat(r.summary()).isEqualTo("testing (valid; id=4; max_age 604800)");
    assertThat(codes(r)).containsExactly("MTASTS_MODE_TESTING");
    assertThat(probed).noneMatch(p -> p.contains(".testing."));
  }

  @Test
  void aPolicySyntaxErrorFailsWithItsLine() {
    CheckResult r = run("syntax");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(codes(r)).containsExactly("MTASTS_POLICY_INVALID");
    assertThat(r.summary()).isEqualTo("invalid: policy line 5: max_age 99999999 above 31557600");
  }

  @Test
  void aRecordWithoutPolicyFailsByHowTheFetchFailed() {
    CheckResult gone = run("gone");
    assertThat(gone.status()).isEqualTo(Status.FAIL);
    assertThat(codes(gone)).containsExactly("MTASTS_POLICY_NOT_SERVED");
    assertThat(gone.summary()).isEqualTo("invalid: policy not fetched (HTTP 404 Not Found)");
    CheckResult moved = run("moved");
    assertThat(codes(moved)).containsExactly("MTASTS_POLICY_REDIRECT");
    assertThat(https.requests()).noneMatch(q -> q.path().equals("/mta-sts.txt"));
    CheckResult wrongName = run("wrongname");
    assertThat(codes(wrongName)).containsExactly("MTASTS_POLICY_TLS_FAILED");
    assertThat(wrongName.findings().get(0).message()).contains("certificate name mismatch");
    CheckResult noHost = run("nohost");
    assertThat(codes(noHost)).containsExactly("MTASTS_POLICY_HOST_MISSING");
    assertThat(noHost.summary()).isEqualTo("invalid: policy host mta-sts.nohost.mtasts.test has no address");
  }

  @Test
  void aPolicyWithoutRecordFails() {
    CheckResult r = run("norecord");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(codes(r)).containsExactly("MTASTS_POLICY_WITHOUT_RECORD");
    assertThat(MtaStsPosture.fromSummary(r.summary())).isEqualTo(new MtaStsPosture("absent", false));
  }

  @Test
  void noRecordWarnsAndANullMxIsNotApplicable() {
    CheckResult absent = run("absent");
    assertThat(absent.status()).isEqualTo(Status.WARN);
    assertThat(absent.summary()).isEqualTo("absent");
    assertThat(codes(absent)).containsExactly("MTASTS_MISSING");
    CheckResult nullMx = run("nullmx");
    assertThat(nullMx.status()).isEqualTo(Status.NOT_APPLICABLE);
  }

  @Test
  void networkFailuresAreInconclusive() {
    CheckResult slow = run("slow");
    assertThat(slow.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(slow.reason()).contains("_mta-sts.slow.mtasts.test TXT: TIMEOUT");
    CheckResult silent = run("silent");
    assertThat(silent.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(silent.reason()).startsWith("policy fetch from mta-sts.silent.mtasts.test at 127.0.0.1: TIMEOUT");
    assertThat(silent.findings()).isEmpty();
  }

  @Test
  void aRefusedPolicyAddressIsAFindingAndNeverContacted() throws Exception {
    try (LabHttpsServer untouched = LabHttpsServer.start(CA.issue("mta-sts.refused." + ZONE))) {
      untouched.route(PolicyRequest.MTA_STS_PATH, Reply.policy(String.format(ENFORCE, "refused." + ZONE)));
      MtaStsCheck guarded = check(address -> new TargetGuard.Refusal(true, address.getHostAddress()
          + " is a loopback address (RFC 6890)"), untouched);
      CheckResult r = guarded.run(ScanTarget.of(DomainName.of("refused." + ZONE))).join();
      assertThat(r.status()).isEqualTo(Status.FAIL);
      assertThat(codes(r)).containsExactly("MTASTS_POLICY_HOST_SPECIAL_ADDRESS");
      assertThat(r.findings().get(0).message()).isEqualTo("mta-sts.refused.mtasts.test resolves only to addresses"
          + " senders cannot reach: 127.0.0.1 is a loopback address (RFC 6890)");
      assertThat(untouched.connections()).isZero();
    }
  }
}
