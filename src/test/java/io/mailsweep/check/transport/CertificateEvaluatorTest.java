package io.mailsweep.check.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.Finding;
import io.mailsweep.check.transport.CertificateReport.Validation;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.tls.TrustMaterial;
import io.mailsweep.testing.tls.HeldCertificate;
import io.mailsweep.testing.tls.TestCa;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chains minted by {@link TestCa}, judged as an MX server's. */
class CertificateEvaluatorTest {
  private static final TestCa LAB = TestCa.create("Lab CA");
  private static final TestCa INTERMEDIATE = LAB.intermediate("Lab Intermediate");
  private static final DomainName MX = DomainName.of("mx1.test");
  private static final TrustMaterial LAB_ONLY = TrustMaterial.only(List.of(LAB.certificate()));

  @TempDir
  Path dir;

  private static CertificateEvaluator evaluator(TrustMaterial trust) {
    return new CertificateEvaluator(trust, CertificateSettings.DEFAULTS);
  }

  private static CertificateReport lab(HeldCertificate held, String host) {
    return evaluator(LAB_ONLY).evaluate(held.chain(), DomainName.of(host), Instant.now());
  }

  private static List<String> codes(CertificateReport report) {
    return report.findings().stream().map(Finding::code).toList();
  }

  @Test
  void chainIssuedByAnExtraCaIsValid() throws Exception {
    Path pem = Files.writeString(dir.resolve("lab.pem"), LAB.pem());
    CertificateEvaluator evaluator = evaluator(TrustMaterial.withExtra(List.of(pem)));
    HeldCertificate held = LAB.issue("mx1.test");

    CertificateReport report = evaluator.evaluate(held.chain(), MX, Instant.now());

    assertThat(report.validation()).isEqualTo(Validation.VALID);
    assertThat(report.valid()).isTrue();
    assertThat(report.problem()).isNull();
    assertThat(report.findings()).isEmpty();
    assertThat(report.chainValid()).isTrue();
    assertThat(report.chainProblem()).isNull();
    assertThat(report.nameMatches()).isTrue();
    assertThat(report.names()).containsExactly("mx1.test");
    assertThat(report.subject()).isEqualTo("CN=mx1.test");
    assertThat(report.issuer()).isEqualTo("CN=Lab CA");
    assertThat(report.selfSigned()).isFalse();
    assertThat(report.keyType()).isEqualTo("EC");
    assertThat(report.keyBits()).isEqualTo(256);
    assertThat(report.signatureAlgorithm()).isEqualTo("SHA256withECDSA");
    assertThat(report.daysLeft()).isBetween(88L, 90L);
    assertThat(evaluator.failure(MX, held.chain())).isNull();
  }

  @Test
  void sameChainIsUntrustedWithTheJdkAnchorsOnly() {
    HeldCertificate held = LAB.issue("mx1.test");

    CertificateReport report = evaluator(TrustMaterial.jdkDefaults()).evaluate(held.chain(), MX, Instant.now());

    assertThat(report.validation()).isEqualTo(Validation.UNTRUSTED);
    assertThat(report.chainValid()).isFalse();
    assertThat(report.chainProblem()).isEqualTo("root CN=Lab CA is not a trust anchor");
    assertThat(report.problem()).isEqualTo("certificate not trusted: root CN=Lab CA is not a trust anchor");
    assertThat(codes(report)).containsExactly("CERT_UNTRUSTED");
    assertThat(report.nameMatches()).isTrue();
  }

  @Test
  void expiredLeaf() {
    HeldCertificate held = LAB.leaf().names("mx1.test").expired().issue();

    CertificateReport report = lab(held, "mx1.test");

    String day = held.certificate().getNotAfter().toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
    assertThat(report.validation()).isEqualTo(Validation.EXPIRED);
    assertThat(report.problem()).isEqualTo("certificate expired " + day);
    assertThat(report.daysLeft()).isNegative();
    assertThat(report.chainValid()).isFalse();
    assertThat(codes(report)).containsExactly("CERT_EXPIRED");
    assertThat(report.findings().get(0).message()).isEqualTo("Certificate of mx1.test expired " + day + " (1 day ago)");
  }

  @Test
  void notYetValidLeaf() {
    Instant now = Instant.now();
    HeldCertificate held = LAB.leaf().names("mx1.test")
        .validity(now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(90))).issue();

    CertificateReport report = lab(held, "mx1.test");

    assertThat(report.validation()).isEqualTo(Validation.NOT_YET_VALID);
    assertThat(report.problem()).startsWith("certificate not valid before ");
    assertThat(codes(report)).containsExactly("CERT_NOT_YET_VALID");
  }

  @Test
  void wrongName() {
    CertificateReport report = lab(LAB.issue("other.test", "mail.other.test"), "mx1.test");

    assertThat(report.validation()).isEqualTo(Validation.NAME_MISMATCH);
    assertThat(report.chainValid()).isTrue();
    assertThat(report.problem()).isEqualTo("certificate not valid for mx1.test (names: other.test, mail.other.test)");
    assertThat(codes(report)).containsExactly("CERT_NAME_MISMATCH");
  }

  @Test
  void wildcardCoversOneLeftMostLabelOnly() {
    HeldCertificate held = LAB.issue("*.other.test");

    assertThat(lab(held, "mx.other.test").validation()).isEqualTo(Validation.VALID);
    assertThat(lab(held, "other.test").validation()).isEqualTo(Validation.NAME_MISMATCH);
    assertThat(lab(held, "a.mx.other.test").validation()).isEqualTo(Validation.NAME_MISMATCH);
    assertThat(lab(held, "mx.example.com").problem())
        .isEqualTo("certificate not valid for mx.example.com (names: *.other.test)");
  }

  @Test
  void commonNameCountsOnlyWithoutSubjectAltName() {
    HeldCertificate cnOnly = LAB.leaf().names().commonName("mx1.test").issue();
    HeldCertificate both = LAB.leaf().names("mail.test").commonName("mx1.test").issue();

    assertThat(lab(cnOnly, "mx1.test").validation()).isEqualTo(Validation.VALID);
    assertThat(lab(both, "mx1.test").validation()).isEqualTo(Validation.NAME_MISMATCH);
  }

  @Test
  void selfSignedIsItsOwnVerdictUnlessPinned() {
    HeldCertificate self = TestCa.selfSigned("mx1.test");

    CertificateReport report = evaluator(TrustMaterial.jdkDefaults()).evaluate(self.chain(), MX, Instant.now());
    assertThat(report.validation()).isEqualTo(Validation.SELF_SIGNED);
    assertThat(report.selfSigned()).isTrue();
    assertThat(report.chainProblem()).isEqualTo("self-signed certificate CN=mx1.test is not a trust anchor");
    assertThat(report.problem()).isEqualTo("self-signed certificate (CN=mx1.test)");
    assertThat(codes(report)).containsExactly("CERT_SELF_SIGNED");

    CertificateReport pinned = evaluator(TrustMaterial.only(List.of(self.certificate())))
        .evaluate(self.chain(), MX, Instant.now());
    assertThat(pinned.validation()).isEqualTo(Validation.VALID);
    assertThat(pinned.selfSigned()).isTrue();
    assertThat(pinned.findings()).isEmpty();
  }

  @Test
  void rsa1024IsAWeakKey() {
    CertificateReport report = lab(LAB.leaf().names("mx1.test").rsa(1024).issue(), "mx1.test");

    assertThat(report.validation()).isEqualTo(Validation.VALID);
    assertThat(report.keyType()).isEqualTo("RSA");
    assertThat(report.keyBits()).isEqualTo(1024);
    assertThat(codes(report)).containsExactly("CERT_WEAK_KEY");
    assertThat(report.findings().get(0).message()).isEqualTo("RSA key of 1024 bits in leaf CN=mx1.test of mx1.test");
    assertThat(codes(lab(LAB.leaf().names("mx1.test").rsa(2048).issue(), "mx1.test"))).isEmpty();
  }

  @Test
  void sha1SignatureIsWeak() {
    CertificateReport report = lab(LAB.leaf().names("mx1.test").signature("SHA1withECDSA").issue(), "mx1.test");

    assertThat(report.signatureAlgorithm()).isEqualTo("SHA1withECDSA");
    assertThat(codes(report)).contains("CERT_WEAK_SIGNATURE");
    assertThat(report.findings()).filteredOn(f -> f.code().equals("CERT_WEAK_SIGNATURE")).singleElement()
        .extracting(Finding::message).isEqualTo("SHA1withECDSA signature on leaf CN=mx1.test of mx1.test");
  }

  @Test
  void expiryWarningBelowTheConfiguredDays() {
    CertificateReport soon = lab(LAB.leaf().names("mx1.test").expiresIn(Duration.ofDays(10)).issue(), "mx1.test");
    CertificateReport later = lab(LAB.leaf().names("mx1.test").expiresIn(Duration.ofDays(40)).issue(), "mx1.test");

    assertThat(soon.validation()).isEqualTo(Validation.VALID);
    assertThat(codes(soon)).containsExactly("CERT_EXPIRING_SOON");
    assertThat(soon.findings().get(0).message()).contains("(in 9 days; warning below 30)");
    assertThat(codes(later)).isEmpty();
    CertificateEvaluator relaxed = new CertificateEvaluator(LAB_ONLY, new CertificateSettings(7, 2048, 256));
    HeldCertificate tenDays = LAB.leaf().names("mx1.test").expiresIn(Duration.ofDays(10)).issue();
    assertThat(relaxed.evaluate(tenDays.chain(), MX, Instant.now()).findings()).isEmpty();
  }

  @Test
  void intermediateChainsWithAndWithoutRootAndOutOfOrder() {
    List<X509Certificate> full = INTERMEDIATE.issue("mx1.test").chain();
    X509Certificate leaf = full.get(0);
    X509Certificate inter = full.get(1);
    X509Certificate root = full.get(2);
    CertificateEvaluator evaluator = evaluator(LAB_ONLY);

    assertThat(full).hasSize(3);
    assertThat(evaluator.evaluate(full, MX, Instant.now()).validation()).isEqualTo(Validation.VALID);
    assertThat(evaluator.evaluate(List.of(leaf, inter), MX, Instant.now()).validation()).isEqualTo(Validation.VALID);
    assertThat(evaluator.evaluate(List.of(leaf, root, inter), MX, Instant.now()).validation())
        .isEqualTo(Validation.VALID);
  }

  @Test
  void leafWithoutItsIntermediateIsAnIncompleteChain() {
    HeldCertificate held = INTERMEDIATE.issue("mx1.test");

    CertificateReport report = evaluator(LAB_ONLY).evaluate(held.chain().subList(0, 1), MX, Instant.now());

    assertThat(report.validation()).isEqualTo(Validation.UNTRUSTED);
    assertThat(report.chainProblem()).isEqualTo("incomplete chain: issuer CN=Lab Intermediate of CN=mx1.test"
        + " was not presented and is not a trust anchor");
    assertThat(codes(report)).containsExactly("CERT_UNTRUSTED");
  }

  @Test
  void intermediateOutsideItsValidityFailsTheChainByDate() {
    Instant now = Instant.now();
    HeldCertificate held = INTERMEDIATE.leaf().names("mx1.test")
        .validity(now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(3650))).issue();
    CertificateEvaluator evaluator = evaluator(LAB_ONLY);

    CertificateReport late = evaluator.evaluate(held.chain(), MX, now.plus(Duration.ofDays(6 * 365)));
    assertThat(late.validation()).isEqualTo(Validation.EXPIRED);
    assertThat(late.problem()).isEqualTo("certificate chain: certificate expired (CN=Lab Intermediate)");
    assertThat(codes(late)).containsExactly("CERT_EXPIRED");

    CertificateReport early = evaluator.evaluate(held.chain(), MX, now.minus(Duration.ofDays(5)));
    assertThat(early.validation()).isEqualTo(Validation.NOT_YET_VALID);
    assertThat(early.problem()).isEqualTo("certificate chain: certificate not yet valid (CN=Lab Intermediate)");
    assertThat(codes(early)).containsExactly("CERT_NOT_YET_VALID");
  }

  @Test
  void anchorInTheMiddleOfThePresentedChainEndsThePath() {
    List<X509Certificate> full = INTERMEDIATE.issue("mx1.test").chain();
    CertificateEvaluator trustsIntermediate = evaluator(TrustMaterial.only(List.of(INTERMEDIATE.certificate())));

    assertThat(trustsIntermediate.evaluate(full, MX, Instant.now()).validation()).isEqualTo(Validation.VALID);
  }

  @Test
  void chainSignedByAnotherKeyUnderTheSameNameIsUntrusted() {
    TestCa impostor = TestCa.create("Lab CA");

    CertificateReport report = lab(impostor.issue("mx1.test"), "mx1.test");

    assertThat(report.validation()).isEqualTo(Validation.UNTRUSTED);
    assertThat(report.chainProblem()).isNotBlank().doesNotContain("\n");
  }

  @Test
  void everyProblemIsAFindingWhileTheVerdictFollowsPrecedence() {
    HeldCertificate held = TestCa.create("Unknown CA").leaf().names("other.test").expired().rsa(1024).issue();

    CertificateReport report = lab(held, "mx1.test");

    assertThat(report.validation()).isEqualTo(Validation.EXPIRED);
    assertThat(codes(report)).containsExactly("CERT_EXPIRED", "CERT_UNTRUSTED", "CERT_NAME_MISMATCH", "CERT_WEAK_KEY");
  }

  @Test
  void noCertificate() {
    CertificateEvaluator evaluator = evaluator(LAB_ONLY);

    CertificateReport report = evaluator.evaluate(List.of(), MX, Instant.now());

    assertThat(report.validation()).isEqualTo(Validation.NONE);
    assertThat(report.problem()).isEqualTo("no certificate presented");
    assertThat(report.findings()).isEmpty();
    assertThat(evaluator.failure(MX, List.of())).isEqualTo("no certificate presented");
  }

  @Test
  void judgeUsesItsClock() {
    HeldCertificate held = LAB.issue("mx1.test");
    Instant later = held.certificate().getNotAfter().toInstant().plus(Duration.ofDays(1));
    CertificateJudge judge = new CertificateEvaluator(LAB_ONLY, CertificateSettings.DEFAULTS,
        Clock.fixed(later, ZoneOffset.UTC));

    assertThat(judge.failure(MX, held.chain())).startsWith("certificate expired ");
  }

  @Test
  void noTrustAnchorsAtAll() {
    CertificateReport report = evaluator(TrustMaterial.only(List.of()))
        .evaluate(LAB.issue("mx1.test").chain(), MX, Instant.now());

    assertThat(report.validation()).isEqualTo(Validation.UNTRUSTED);
    assertThat(report.chainProblem()).isEqualTo("no trust anchors configured");
  }
}
