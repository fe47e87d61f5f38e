package io.mailsweep.check.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.dkim.DkimKey.KeyState;
import io.mailsweep.check.dkim.DkimKeyParser.Parsed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The key-record parser and key decoding on their own, with keys minted in the test. */
class DkimKeyParserTest {

  private static DkimKey key(String text) {
    Parsed parsed = DkimKeyParser.parse(text);
    assertThat(parsed).isInstanceOf(Parsed.Key.class);
    return ((Parsed.Key) parsed).key();
  }

  @ParameterizedTest
  @CsvSource({"512", "1024", "2048"})
  void rsaKeysReportTheirRealModulusLength(int bits) {
    DkimKey k = key("v=DKIM1; k=rsa; p=" + TestKeys.rsa(bits));
    assertThat(k.state()).isEqualTo(KeyState.USABLE);
    assertThat(k.keyType()).isEqualTo("rsa");
    assertThat(k.bits()).isEqualTo(bits);
    assertThat(k.describe()).isEqualTo("rsa " + bits);
  }

  @Test
  void kDefaultsToRsaAndVIsOptional() {
    DkimKey k = key("p=" + TestKeys.rsa(1024));
    assertThat(k.keyType()).isEqualTo("rsa");
    assertThat(k.bits()).isEqualTo(1024);
    assertThat(k.services()).containsExactly("*");
    assertThat(k.hashes()).isEmpty();
  }

  @Test
  void whitespaceInsideTheBase64IsFoldingNotData() {
    String p = TestKeys.rsa(2048);
    String folded = p.substring(0, 100) + " \t" + p.substring(100, 200) + "\r\n " + p.substring(200);
    assertThat(key("v=DKIM1; p=" + folded).bits()).isEqualTo(2048);
  }

  @Test
  void ed25519KeysAreRaw32Octets() {
    DkimKey k = key("v=DKIM1; k=ed25519; p=" + TestKeys.ed25519());
    assertThat(k.state()).isEqualTo(KeyState.USABLE);
    assertThat(k.bits()).isEqualTo(256);
    assertThat(k.describe()).isEqualTo("ed25519 256");
  }

  @Test
  void anEd25519KeyPublishedAsSubjectPublicKeyInfoIsMalformedAndSaysWhy() {
    DkimKey k = key("v=DKIM1; k=ed25519; p=" + TestKeys.ed25519AsSpki());
    assertThat(k.state()).isEqualTo(KeyState.MALFORMED);
    assertThat(k.problem()).contains("SubjectPublicKeyInfo").contains("raw 32-octet");
  }

  @Test
  void anEmptyPIsARevokedKey() {
    DkimKey k = key("v=DKIM1; k=rsa; p=");
    assertThat(k.state()).isEqualTo(KeyState.REVOKED);
    assertThat(k.describe()).isEqualTo("revoked");
  }

  @Test
  void flagsHashesAndServices() {
    DkimKey k = key("v=DKIM1; h=sha1; s=email:*; t=y:s; p=" + TestKeys.rsa(1024));
    assertThat(k.testing()).isTrue();
    assertThat(k.flags()).containsExactly("y", "s");
    assertThat(k.sha1Only()).isTrue();
    assertThat(k.allowsSha256()).isFalse();
    assertThat(k.forEmail()).isTrue();
    assertThat(k.notes()).containsExactly("t=y", "h=sha1");
    assertThat(key("h=sha1:sha256; p=" + TestKeys.rsa(1024)).sha1Only()).isFalse();
    assertThat(key("s=tlsrpt; p=" + TestKeys.rsa(1024)).forEmail()).isFalse();
  }

  @Test
  void badBase64IsAMalformedKeyNotAnInvalidRecord() {
    DkimKey k = key("v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0B!!!AQEFAAOCAQ8A");
    assertThat(k.state()).isEqualTo(KeyState.MALFORMED);
    assertThat(k.problem()).contains("base64");
    assertThat(k.bits()).isZero();
  }

  @Test
  void base64ThatIsNoKeyIsMalformed() {
    DkimKey k = key("v=DKIM1; k=rsa; p=aGVsbG8gd29ybGQ=");
    assertThat(k.state()).isEqualTo(KeyState.MALFORMED);
    assertThat(k.problem()).contains("does not decode to an RSA public key");
  }

  @Test
  void anUnknownKeyTypeIsKeptWithItsName() {
    DkimKey k = key("v=DKIM1; k=dsa; p=" + TestKeys.rsa(1024));
    assertThat(k.state()).isEqualTo(KeyState.UNKNOWN_TYPE);
    assertThat(k.describe()).isEqualTo("k=dsa (unknown)");
  }

  @Test
  void aBarePkcs1KeyIsMeasuredAndMarked() {
    DkimKey k = key("v=DKIM1; p=" + TestKeys.rsaPkcs1(1024));
    assertThat(k.state()).isEqualTo(KeyState.USABLE);
    assertThat(k.bits()).isEqualTo(1024);
    assertThat(k.pkcs1()).isTrue();
  }

  @Test
  void aModulusBelowWhatTheJdkAcceptsIsStillMeasured() {
    DkimKey k = key("v=DKIM1; p=" + TestKeys.tinyRsa(384));
    assertThat(k.state()).isEqualTo(KeyState.USABLE);
    assertThat(k.bits()).isEqualTo(384);
    assertThat(k.pkcs1()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "k=rsa; v=DKIM1; p=abc                | v= must be the first tag | 7",
      "v=DKIM2; p=abc                       | v=DKIM2 is not DKIM1     | 0",
      "v=DKIM1; k=rsa                       | no p= tag                | 14",
      "v=DKIM1; p=abc; p=def                | occurs twice             | 16",
      "v=DKIM1; k rsa; p=abc                | has no '='               | 9",
      "v=DKIM1;; p=abc                      | empty tag-spec           | 8",
      "v=DKIM1; 1k=rsa; p=abc               | is not a tag name        | 9",
  })
  void recordsVerifiersMustDiscard(String text, String problem, int position) {
    Parsed parsed = DkimKeyParser.parse(text.strip());
    assertThat(parsed).isInstanceOf(Parsed.Invalid.class);
    Parsed.Invalid invalid = (Parsed.Invalid) parsed;
    assertThat(invalid.problem()).contains(problem);
    assertThat(invalid.position()).isEqualTo(position);
  }

  @Test
  void otherTxtDataIsNotADkimRecord() {
    assertThat(DkimKeyParser.parse("google-site-verification=abc")).isInstanceOf(Parsed.NotDkim.class);
    assertThat(DkimKeyParser.parse("v=spf1 -all")).isInstanceOf(Parsed.NotDkim.class);
    assertThat(DkimKeyParser.parse("")).isInstanceOf(Parsed.NotDkim.class);
  }

  @Test
  void aTrailingSemicolonAndSpacesAreFine() {
    assertThat(key(" v = DKIM1 ; k = ed25519 ; p = " + TestKeys.ed25519() + " ; ").bits()).isEqualTo(256);
  }
}
