package io.mailsweep.check.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.Finding;
import io.mailsweep.check.Severity;
import io.mailsweep.check.Status;
import io.mailsweep.check.mx.MxEvaluation;
import io.mailsweep.check.mx.MxHost;
import io.mailsweep.check.mx.MxHosts;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.TargetGuard;
import io.mailsweep.net.dns.Answers;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsRecord;
import io.mailsweep.net.dns.DnsStatus;
import io.mailsweep.net.dns.RecordType;
import io.mailsweep.net.https.FetchOutcome;
import io.mailsweep.net.https.FetchResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The evaluator on hand-made observations: every status and finding of the check. */
class MtaStsEvaluatorTest {
  static final DomainName DOMAIN = DomainName.of("vendor.test");
  static final DomainName HOST = DomainName.of("mta-sts.vendor.test");
  static final DnsAnswer RECORD = Answers.txt("_mta-sts.vendor.test", "v=STSv1; id=20240101", "v=spf1 -all");
  static final DnsAnswer NO_RECORD = Answers.status("_mta-sts.vendor.test", RecordType.TXT, DnsStatus.NXDOMAIN);
  static final String ENFORCE =
      "version: STSv1\nmode: enforce\nmx: mx1.vendor.test\nmx: *.backup.test\nmax_age: 604800\n";
  static final DomainName MX1 = DomainName.of("mx1.vendor.test");
  static final MxEvaluation MX = mx(MxHosts.Kind.EXPLICIT, true, new MxHost(MX1, 10, List.of("192.0.2.1")),
      new MxHost(DomainName.of("b1.backup.test"), 20, List.of("192.0.2.2")));

  static MxEvaluation mx(MxHosts.Kind kind, boolean complete, MxHost... hosts) {
    CheckResult r = new CheckResult("mx", complete ? Status.PASS : Status.INCONCLUSIVE, complete ? "2 hosts"
        : "inconclusive", complete ? null : "A lookup of MX host x failed", List.of(), List.of());
    return new MxEvaluation(r, new MxHosts(DOMAIN, kind, List.of(hosts), complete));
  }

  static DnsAnswer address(String ip) {
    return new DnsAnswer(HOST, RecordType.A, DnsStatus.ANSWER, List.of(new DnsRecord(HOST.text(), RecordType.A, 300,
        ip, List.of())), List.of(), null, false, 1);
  }

  static PolicyRetrieval fetched(FetchResult result) {
    return new PolicyRetrieval(HOST, address("192.0.2.80"), Answers.status(HOST.text(), RecordType.AAAA,
        DnsStatus.NODATA), List.of(), List.of(new PolicyRetrieval.Attempt("192.0.2.80",
        "https://mta-sts.vendor.test/.well-known/mta-sts.txt", result)));
  }

  static PolicyRetrieval serving(String body) {
    return fetched(new FetchResult(FetchOutcome.OK, 200, "text/plain", body, null, "HTTP 200 OK", 5));
  }

  static MtaStsEvaluation evaluate(DnsAnswer txt, PolicyRetrieval retrieval, MxEvaluation mx,
      MxCertificate... certificates) {
    MtaStsEvaluation e = MtaStsEvaluator.evaluate(DOMAIN, txt, retrieval, mx, List.of(certificates));
    assertThat(MtaStsPosture.fromSummary(e.result().summary())).as("posture from the summary")
        .isEqualTo(e.posture());
    assertThat(e.result().check()).isEqualTo("mtasts");
    return e;
  }

  static List<String> codes(MtaStsEvaluation e) {
    return e.result().findings().stream().map(Finding::code).toList();
  }

  static MxCertificate valid(String host, String address) {
    return new MxCertificate(DomainName.of(host), address, MxCertificate.Verdict.VALID, "certificate valid");
  }

  @Test
  void anEnforcedPolicyCoveringEveryMxWithValidCertificatesPasses() {
    MtaStsEvaluation e = evaluate(RECORD, serving(ENFORCE), MX, valid("mx1.vendor.test", "192.0.2.1"),
        valid("b1.backup.test", "192.0.2.2"));
    assertThat(e.result().status()).isEqualTo(Status.PASS);
    assertThat(e.result().summary()).isEqualTo("enforce (valid; id=20240101; max_age 604800)");
    assertThat(e.result().findings()).isEmpty();
    assertThat(e.posture()).isEqualTo(new MtaStsPosture("enforce", true));
    assertThat(e.result().evidence()).contains("| mode: enforce")
        .anyMatch(l -> l.startsWith(";; GET https://mta-sts.vendor.test/.well-known/mta-sts.txt at 192.0.2.80: OK"))
        .anyMatch(l -> l.startsWith(";; mx1.vendor.test [192.0.2.1]: VALID"));
  }

  @Test
  void testingNoneAndAShortMaxAgeWarn() {
    MtaStsEvaluation testing = evaluate(RECORD, serving(ENFORCE.replace("enforce", "testing")
        .replace("604800", "3600")), MX);
    assertThat(testing.result().status()).isEqualTo(Status.WARN);
    assertThat(codes(testing)).containsExactly("MTASTS_MODE_TESTING", "MTASTS_MAX_AGE_LOW");
    assertThat(testing.posture()).isEqualTo(new MtaStsPosture("testing", true));
    MtaStsEvaluation none = evaluate(RECORD, serving("version: STSv1\nmode: none\nmax_age: 86400\n"), MX);
    assertThat(none.result().status()).isEqualTo(Status.WARN);
    assertThat(none.result().summary()).isEqualTo("none (valid; id=20240101; max_age 86400)");
    assertThat(codes(none)).containsExactly("MTASTS_MODE_NONE");
  }

  @Test
  void anMxHostNoPatternCoversFailsUnderEnforceAndWarnsUnderTesting() {
    MxEvaluation mx = mx(MxHosts.Kind.EXPLICIT, true, new MxHost(MX1, 10, List.of("192.0.2.1")),
        new MxHost(DomainName.of("a.b1.backup.test"), 20, List.of("192.0.2.2")));
    MtaStsEvaluation enforce = evaluate(RECORD, serving(ENFORCE), mx, valid("mx1.vendor.test", "192.0.2.1"));
    assertThat(enforce.result().status()).isEqualTo(Status.FAIL);
    assertThat(codes(enforce)).containsExactly("MTASTS_MX_NOT_COVERED");
    assertThat(enforce.result().findings().get(0).severity()).isEqualTo(Severity.HIGH);
    assertThat(enforce.result().findings().get(0).message()).isEqualTo("MX host a.b1.backup.test (preference 20)"
        + " matches no mx pattern of the policy (mx1.vendor.test, *.backup.test)");
    MtaStsEvaluation testing = evaluate(RECORD, serving(ENFORCE.replace("enforce", "testing")), mx);
    assertThat(testing.result().status()).isEqualTo(Status.WARN);
    assertThat(codes(testing)).containsExactly("MTASTS_MODE_TESTING", "MTASTS_MX_NOT_COVERED_TESTING");
  }

  @Test
  void enforcedMxHostsWithoutValidTlsFail() {
    MtaStsEvaluation e = evaluate(RECORD, serving(ENFORCE), MX,
        new MxCertificate(MX1, "192.0.2.1", MxCertificate.Verdict.INVALID, "certificate expired"),
        new MxCertificate(DomainName.of("b1.backup.test"), "192.0.2.2", MxCertificate.Verdict.NO_TLS, "NO_STARTTLS"));
    assertThat(e.result().status()).isEqualTo(Status.FAIL);
    assertThat(codes(e)).containsExactly("MTASTS_MX_CERTIFICATE_INVALID", "MTASTS_MX_NO_TLS");
    assertThat(e.result().findings().get(0).message())
        .isEqualTo("mx1.vendor.test [192.0.2.1]: certificate not valid for mx1.vendor.test: certificate expired");
    assertThat(e.posture()).isEqualTo(new MtaStsPosture("enforce", true));
  }

  @Test
  void anUntestedMxAddressIsInconclusiveUnlessAFailureIsCertain() {
    MxCertificate unknown = new MxCertificate(DomainName.of("b1.backup.test"), "192.0.2.2",
        MxCertificate.Verdict.UNKNOWN, "CONNECT_TIMEOUT");
    MtaStsEvaluation e = evaluate(RECORD, serving(ENFORCE), MX, valid("mx1.vendor.test", "192.0.2.1"), unknown);
    assertThat(e.result().status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(e.result().reason())
        .isEqualTo("certificate of b1.backup.test [192.0.2.2] not verified: CONNECT_TIMEOUT");
    assertThat(e.result().summary()).startsWith("enforce (valid;");
    assertThat(codes(e)).containsExactly("MTASTS_MX_NOT_VERIFIED");
    MtaStsEvaluation failing = evaluate(RECORD, serving(ENFORCE), MX,
        new MxCertificate(MX1, "192.0.2.1", MxCertificate.Verdict.INVALID, "wrong name"), unknown);
    assertThat(failing.result().status()).isEqualTo(Status.FAIL);
  }

  @Test
  void failedMxLookupsAreInconclusive() {
    MtaStsEvaluation e = evaluate(RECORD, serving(ENFORCE), mx(MxHosts.Kind.NONE, false));
    assertThat(e.result().status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(e.result().reason()).startsWith("MX hosts unknown:");
  }

  @Test
  void noRecordWarnsAndIsNotApplicableWithoutMail() {
    PolicyRetrieval nothing = new PolicyRetrieval(HOST, Answers.status(HOST.text(), RecordType.A, DnsStatus.NXDOMAIN),
        Answers.status(HOST.text(), RecordType.AAAA, DnsStatus.NXDOMAIN), List.of(), List.of());
    MtaStsEvaluation absent = evaluate(NO_RECORD, nothing, MX);
    assertThat(absent.result().status()).isEqualTo(Status.WARN);
    assertThat(absent.result().summary()).isEqualTo("absent");
    assertThat(codes(absent)).containsExactly("MTASTS_MISSING");
    assertThat(absent.result().findings().get(0).severity()).isEqualTo(Severity.LOW);
    assertThat(absent.posture()).isEqualTo(new MtaStsPosture("absent", null));
    MtaStsEvaluation noMail = evaluate(NO_RECORD, nothing, mx(MxHosts.Kind.NULL_MX, true));
    assertThat(noMail.result().status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(noMail.result().summary()).isEqualTo("absent (domain accepts no mail)");
    MtaStsEvaluation webPage = evaluate(NO_RECORD, serving("<html>hello</html>"), MX);
    assertThat(codes(webPage)).containsExactly("MTASTS_MISSING");
  }

  @Test
  void aPolicyWithoutItsRecordFails() {
    MtaStsEvaluation e = evaluate(NO_RECORD, serving(ENFORCE), MX);
    assertThat(e.result().status()).isEqualTo(Status.FAIL);
    assertThat(e.result().summary()).isEqualTo("absent (policy without record)");
    assertThat(codes(e)).containsExactly("MTASTS_POLICY_WITHOUT_RECORD");
    assertThat(e.result().findings().get(0).message()).isEqualTo("https://mta-sts.vendor.test serves a policy (mode"
        + " enforce) but _mta-sts.vendor.test has no v=STSv1 TXT record (NXDOMAIN)");
    assertThat(e.posture()).isEqualTo(new MtaStsPosture("absent", false));
  }

  @Test
  void unusableRecordsFailWithoutAskingForThePolicy() {
    DnsAnswer two = Answers.txt("_mta-sts.vendor.test", "v=STSv1; id=1", "v=STSv1; id=2");
    assertThat(MtaStsEvaluator.wantsPolicy(two)).isFalse();
    MtaStsEvaluation several = evaluate(two, null, null);
    assertThat(several.result().status()).isEqualTo(Status.FAIL);
    assertThat(several.result().summary()).isEqualTo("invalid: 2 records");
    assertThat(codes(several)).containsExactly("MTASTS_MULTIPLE_RECORDS");
    assertThat(several.posture()).isEqualTo(new MtaStsPosture("unknown", false));
    DnsAnswer bad = Answers.txt("_mta-sts.vendor.test", "v=STSv1; id=2024-01-01");
    assertThat(MtaStsEvaluator.wantsPolicy(bad)).isFalse();
    MtaStsEvaluation invalid = evaluate(bad, null, null);
    assertThat(codes(invalid)).containsExactly("MTASTS_RECORD_INVALID");
    assertThat(invalid.result().summary())
        .isEqualTo("invalid: record at character 12: id '2024-01-01' must be 1 to 32 letters and digits");
  }

  @Test
  void anInvalidPolicyFailsWithItsLine() {
    MtaStsEvaluation e = evaluate(RECORD, serving(ENFORCE.replace("604800", "99999999")), MX);
    assertThat(e.result().status()).isEqualTo(Status.FAIL);
    assertThat(codes(e)).containsExactly("MTASTS_POLICY_INVALID");
    assertThat(e.result().summary()).isEqualTo("invalid: policy line 5: max_age 99999999 above 31557600");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "HTTP_STATUS, MTASTS_POLICY_NOT_SERVED",
      "REDIRECT, MTASTS_POLICY_REDIRECT",
      "WRONG_CONTENT_TYPE, MTASTS_POLICY_CONTENT_TYPE",
      "TOO_LARGE, MTASTS_POLICY_TOO_LARGE",
      "TLS_FAILED, MTASTS_POLICY_TLS_FAILED",
      "PROTOCOL_ERROR, MTASTS_POLICY_MALFORMED_RESPONSE"})
  void aRecordWithoutAUsablePolicyFails(FetchOutcome outcome, String code) {
    MtaStsEvaluation e = evaluate(RECORD, fetched(FetchResult.failure(outcome, "what happened")), MX);
    assertThat(e.result().status()).isEqualTo(Status.FAIL);
    assertThat(codes(e)).containsExactly(code);
    assertThat(e.result().summary()).isEqualTo("invalid: policy not fetched (what happened)");
    assertThat(e.result().findings().get(0).message())
        .isEqualTo("policy fetch from mta-sts.vendor.test at 192.0.2.80: what happened");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"CONNECT_FAILED", "TIMEOUT"})
  void aFetchThatCouldNotTestIsInconclusive(FetchOutcome outcome) {
    MtaStsEvaluation e = evaluate(RECORD, fetched(FetchResult.failure(outcome, "no answer")), MX);
    assertThat(e.result().status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(e.result().reason()).isEqualTo("policy fetch from mta-sts.vendor.test at 192.0.2.80: " + outcome
        + " (no answer)");
    assertThat(e.result().findings()).isEmpty();
  }

  @Test
  void thePolicyHostWithoutAddressFailsAndAFailedLookupIsInconclusive() {
    PolicyRetrieval missing = new PolicyRetrieval(HOST, Answers.status(HOST.text(), RecordType.A, DnsStatus.NXDOMAIN),
        Answers.status(HOST.text(), RecordType.AAAA, DnsStatus.NXDOMAIN), List.of(), List.of());
    MtaStsEvaluation e = evaluate(RECORD, missing, MX);
    assertThat(e.result().status()).isEqualTo(Status.FAIL);
    assertThat(codes(e)).containsExactly("MTASTS_POLICY_HOST_MISSING");
    PolicyRetrieval failed = new PolicyRetrieval(HOST, Answers.status(HOST.text(), RecordType.A, DnsStatus.SERVFAIL),
        Answers.status(HOST.text(), RecordType.AAAA, DnsStatus.NODATA), List.of(), List.of());
    MtaStsEvaluation f = evaluate(RECORD, failed, MX);
    assertThat(f.result().status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(f.result().reason()).contains("SERVFAIL");
  }

  @Test
  void refusedPolicyAddressesAreFindingsOrInconclusive() {
    PolicyRetrieval special = new PolicyRetrieval(HOST, address("10.0.0.1"), Answers.status(HOST.text(),
        RecordType.AAAA, DnsStatus.NODATA), List.of(new PolicyRetrieval.Refused("10.0.0.1",
        new TargetGuard.Refusal(true, "10.0.0.1 is private (RFC 1918)"))), List.of());
    MtaStsEvaluation e = evaluate(RECORD, special, MX);
    assertThat(e.result().status()).isEqualTo(Status.FAIL);
    assertThat(codes(e)).containsExactly("MTASTS_POLICY_HOST_SPECIAL_ADDRESS");
    assertThat(e.result().evidence()).contains(";; not contacted 10.0.0.1: 10.0.0.1 is private (RFC 1918)");
    PolicyRetrieval notAllowed = new PolicyRetrieval(HOST, address("192.0.2.80"), Answers.status(HOST.text(),
        RecordType.AAAA, DnsStatus.NODATA), List.of(new PolicyRetrieval.Refused("192.0.2.80",
        new TargetGuard.Refusal(false, "192.0.2.80 is outside --allow-targets"))), List.of());
    MtaStsEvaluation n = evaluate(RECORD, notAllowed, MX);
    assertThat(n.result().status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(n.result().reason()).isEqualTo("policy host mta-sts.vendor.test not contacted: 192.0.2.80 is outside"
        + " --allow-targets");
  }

  @Test
  void aFailedTxtLookupIsInconclusive() {
    DnsAnswer servfail = Answers.status("_mta-sts.vendor.test", RecordType.TXT, DnsStatus.TIMEOUT);
    assertThat(MtaStsEvaluator.wantsPolicy(servfail)).isFalse();
    MtaStsEvaluation e = evaluate(servfail, null, null);
    assertThat(e.result().status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(e.result().reason()).startsWith("TXT lookup _mta-sts.vendor.test TXT: TIMEOUT");
    assertThat(e.posture()).isEqualTo(new MtaStsPosture("unknown", null));
  }
}
