package io.mailsweep.check.dane;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.domain.DomainName;
import io.mailsweep.testing.tls.HeldCertificate;
import io.mailsweep.testing.tls.TestCa;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** TLSA records against chains minted by {@link TestCa}, digests computed here independently. */
class DaneMatcherTest {
  private static final TestCa CA = TestCa.create("Lab CA");
  private static final TestCa OTHER_CA = TestCa.create("Other CA");
  private static final HeldCertificate LEAF = CA.issue("mx1.example.test");
  private static final HeldCertificate WILDCARD = CA.issue("*.example.test");
  private static final HeldCertificate STRANGER = OTHER_CA.issue("mx1.example.test");
  private static final HeldCertificate EXPIRED_WRONG_NAME = CA.leaf().names("elsewhere.test").expired().issue();
  private static final List<DomainName> MX1 = List.of(DomainName.of("mx1.example.test"));

  static Stream<Arguments> cases() {
    X509Certificate leaf = LEAF.certificate();
    X509Certificate ca = CA.certificate();
    return Stream.of(
        Arguments.of("3 1 1 leaf SPKI SHA-256", tlsa(3, 1, 1, spki(leaf), "SHA-256"), LEAF.chain(), MX1, true),
        Arguments.of("3 0 1 leaf certificate SHA-256", tlsa(3, 0, 1, der(leaf), "SHA-256"), LEAF.chain(), MX1, true),
        Arguments.of("3 1 2 leaf SPKI SHA-512", tlsa(3, 1, 2, spki(leaf), "SHA-512"), LEAF.chain(), MX1, true),
        Arguments.of("3 0 0 leaf certificate in full", tlsa(3, 0, 0, der(leaf), null), LEAF.chain(), MX1, true),
        Arguments.of("3 1 1 ignores name and expiry", tlsa(3, 1, 1, spki(EXPIRED_WRONG_NAME.certificate()), "SHA-256"),
            EXPIRED_WRONG_NAME.chain(), MX1, true),
        Arguments.of("3 1 1 of another key", tlsa(3, 1, 1, spki(STRANGER.certificate()), "SHA-256"), LEAF.chain(), MX1,
            false),
        Arguments.of("3 1 1 of the CA is not DANE-EE", tlsa(3, 1, 1, spki(ca), "SHA-256"), LEAF.chain(), MX1, false),
        Arguments.of("2 0 1 CA certificate", tlsa(2, 0, 1, der(ca), "SHA-256"), LEAF.chain(), MX1, true),
        Arguments.of("2 1 1 CA SPKI", tlsa(2, 1, 1, spki(ca), "SHA-256"), LEAF.chain(), MX1, true),
        Arguments.of("2 0 1 CA, wildcard leaf", tlsa(2, 0, 1, der(ca), "SHA-256"), WILDCARD.chain(), MX1, true),
        Arguments.of("2 0 1 CA, wildcard is one label", tlsa(2, 0, 1, der(ca), "SHA-256"), WILDCARD.chain(),
            List.of(DomainName.of("a.mx1.example.test")), false),
        Arguments.of("2 0 1 CA, leaf for another name", tlsa(2, 0, 1, der(ca), "SHA-256"), EXPIRED_WRONG_NAME.chain(),
            MX1, false),
        Arguments.of("2 0 1 of another CA", tlsa(2, 0, 1, der(OTHER_CA.certificate()), "SHA-256"), LEAF.chain(), MX1,
            false),
        Arguments.of("2 0 1 CA appended to a stranger's leaf", tlsa(2, 0, 1, der(ca), "SHA-256"),
            List.of(STRANGER.certificate(), ca), MX1, false),
        Arguments.of("2 0 0 CA not presented", tlsa(2, 0, 0, der(ca), null), List.of(leaf), MX1, true),
        Arguments.of("2 1 0 CA key not presented", tlsa(2, 1, 0, spki(ca), null), List.of(leaf), MX1, true),
        Arguments.of("2 1 0 other CA key", tlsa(2, 1, 0, spki(OTHER_CA.certificate()), null), List.of(leaf), MX1,
            false),
        Arguments.of("2 1 1 of the leaf is no trust anchor", tlsa(2, 1, 1, spki(leaf), "SHA-256"), LEAF.chain(), MX1,
            false),
        Arguments.of("no certificate", tlsa(3, 1, 1, spki(leaf), "SHA-256"), List.of(), MX1, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesAsAnSmtpClientWould(String name, TlsaRecord record, List<X509Certificate> chain,
      List<DomainName> names, boolean matched) {
    DaneMatcher.Result r = DaneMatcher.match(List.of(record), chain, names);
    assertThat(r.matched()).as(r.detail()).isEqualTo(matched);
    assertThat(r.detail()).isNotBlank();
  }

  @Test
  void anyRecordOfTheSetMayMatchAndTheDetailNamesIt() {
    TlsaRecord wrong = tlsa(3, 1, 1, spki(STRANGER.certificate()), "SHA-256");
    TlsaRecord right = tlsa(2, 0, 1, der(CA.certificate()), "SHA-256");
    DaneMatcher.Result r = DaneMatcher.match(List.of(wrong, right), LEAF.chain(), MX1);
    assertThat(r.record()).isEqualTo(right);
    assertThat(r.detail()).startsWith("chain leads to the trust anchor 2 0 1 ");
  }

  @Test
  void mismatchDetailSaysWhatWasWrong() {
    DaneMatcher.Result name = DaneMatcher.match(List.of(tlsa(2, 0, 1, der(CA.certificate()), "SHA-256")),
        EXPIRED_WRONG_NAME.chain(), MX1);
    assertThat(name.detail()).contains("leaf names [elsewhere.test] match none of [mx1.example.test]");
    DaneMatcher.Result path = DaneMatcher.match(List.of(tlsa(2, 0, 1, der(CA.certificate()), "SHA-256")),
        List.of(STRANGER.certificate(), CA.certificate()), MX1);
    assertThat(path.detail()).contains("certificate 0 is not signed by certificate 1");
    assertThat(DaneMatcher.match(List.of(), LEAF.chain(), MX1).detail()).startsWith("no TLSA record matches");
  }

  static TlsaRecord tlsa(int usage, int selector, int matching, byte[] selected, String digest) {
    try {
      byte[] data = digest == null ? selected : MessageDigest.getInstance(digest).digest(selected);
      return new TlsaRecord(usage, selector, matching, HexFormat.of().formatHex(data));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] spki(X509Certificate cert) {
    return cert.getPublicKey().getEncoded();
  }

  static byte[] der(X509Certificate cert) {
    try {
      return cert.getEncoded();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
