package io.mailsweep.testing.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.CertificateExpiredException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TestCaTest {
  @Test
  void issuedLeafIsSignedByTheCaAndCarriesItsNames() throws Exception {
    TestCa ca = TestCa.create("Lab CA");
    HeldCertificate leaf = ca.issue("mx1.test", "*.mx.test");

    leaf.certificate().verify(ca.certificate().getPublicKey());
    assertThat(leaf.chain()).hasSize(2).last().isEqualTo(ca.certificate());
    assertThat(leaf.certificate().getSubjectAlternativeNames()).extracting(l -> (Object) l.get(1))
        .containsExactly("mx1.test", "*.mx.test");
    assertThat(leaf.chainPem()).startsWith("-----BEGIN CERTIFICATE-----").contains("-----END CERTIFICATE-----\n-----BEGIN");
    assertThat(leaf.keyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(leaf.serverContext().getProtocol()).isEqualTo("TLS");
  }

  @Test
  void expiredSelfSignedAndRsaVariants() throws Exception {
    TestCa ca = TestCa.create("Lab CA");
    assertThatThrownBy(() -> ca.leaf().names("old.test").expired().issue().certificate().checkValidity())
        .isInstanceOf(CertificateExpiredException.class);
    HeldCertificate self = TestCa.selfSigned("self.test");
    self.certificate().verify(self.certificate().getPublicKey());
    assertThat(self.chain()).hasSize(1);
    HeldCertificate rsa = ca.leaf().names("rsa.test").rsa(1024).expiresIn(Duration.ofDays(5)).issue();
    assertThat(rsa.certificate().getPublicKey().getAlgorithm()).isEqualTo("RSA");
  }

  @Test
  void intermediateChainsAndCommonNameOnlyLeaves() throws Exception {
    TestCa root = TestCa.create("Lab CA");
    TestCa intermediate = root.intermediate("Lab Intermediate");
    HeldCertificate leaf = intermediate.issue("mx1.test");

    assertThat(intermediate.chain()).containsExactly(intermediate.certificate(), root.certificate());
    assertThat(leaf.chain()).containsExactly(leaf.certificate(), intermediate.certificate(), root.certificate());
    leaf.certificate().verify(intermediate.certificate().getPublicKey());
    intermediate.certificate().verify(root.certificate().getPublicKey());
    assertThat(intermediate.certificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);

    HeldCertificate cnOnly = root.leaf().names().commonName("cn.test").issue();
    assertThat(cnOnly.certificate().getSubjectAlternativeNames()).isNull();
    assertThat(cnOnly.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=cn.test");
  }
}
