package io.mailsweep.net.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Security;
import org.junit.jupiter.api.Test;

/** The test JVM runs {@link LegacyTls#enable()} first, from {@code LegacyTlsSessionListener}. */
class LegacyTlsTest {
  private static final String JDK17 = "SSLv3, TLSv1, TLSv1.1, DTLSv1.0, RC4, DES, \n    MD5withRSA, DH keySize < 1024,"
      + " EC keySize < 224, 3DES_EDE_CBC, anon, NULL, \n    ECDH";

  @Test
  void relaxRemovesOnlyTheRelaxedEntries() {
    assertThat(LegacyTls.relax(JDK17))
        .isEqualTo("SSLv3, DTLSv1.0, RC4, DES, MD5withRSA, DH keySize < 1024, EC keySize < 224, ECDH");
    assertThat(LegacyTls.relax(LegacyTls.relax(JDK17))).isEqualTo(LegacyTls.relax(JDK17));
    assertThat(LegacyTls.relax("TLSv1.2, include jdk.disabled.namedCurves, NULL"))
        .isEqualTo("TLSv1.2, include jdk.disabled.namedCurves");
  }

  @Test
  void theTestJvmRanEnableBeforeJsseStarted() {
    String property = Security.getProperty(LegacyTls.PROPERTY);
    assertThat(property).doesNotContain("TLSv1,", "3DES_EDE_CBC").contains("SSLv3", "RC4");
    assertThat(LegacyTls.offers("TLSv1.3")).isTrue();
    assertThat(LegacyTls.offers("TLSv1.2")).isTrue();
    assertThat(LegacyTls.offers("TLSv1.1")).isTrue();
    assertThat(LegacyTls.offers("TLSv1")).isTrue();
    assertThat(LegacyTls.offers("SSLv3")).isFalse();
    assertThat(LegacyTls.whyNot("SSLv3")).contains("SSLv3", LegacyTls.PROPERTY);
  }

  @Test
  void theStrongOfferIsTheJdkDefault() {
    TlsOffer strong = TlsOffer.strong();
    assertThat(strong.protocols()).containsExactly("TLSv1.3", "TLSv1.2");
    assertThat(strong.suites()).isNotEmpty().noneMatch(WeakSuites::isWeak)
        .contains("TLS_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
  }

  @Test
  void weakSuitesAreTheOnesThisJvmCanOffer() {
    assertThat(WeakSuites.offerable()).isNotEmpty().allMatch(WeakSuites::isWeak)
        .contains("TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA", "TLS_DH_anon_WITH_AES_128_GCM_SHA256")
        .noneMatch(s -> s.contains("RC4") || s.contains("EXPORT"));
    assertThat(WeakSuites.note()).contains("3DES", "NULL", "anonymous DH").contains("cannot offer")
        .contains("RC4", "export");
  }
}
