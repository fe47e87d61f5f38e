package io.mailsweep.check.dkim;

import io.mailsweep.check.dkim.DkimKey.KeyState;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Decodes the {@code p=} data of a key record and measures the key it holds. The length always
 * comes from the decoded key, never from the length of the base64 text.
 */
final class PublicKeys {
  /** RFC 8463 §4.2: an Ed25519 key is published raw, 32 octets (RFC 8032 §5.1.5). */
  static final int ED25519_OCTETS = 32;

  /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410 §4), a common publishing mistake. */
  private static final byte[] ED25519_SPKI_PREFIX =
      {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

  private PublicKeys() {}

  /**
   * What the {@code p=} data is.
   *
   * @param state USABLE, REVOKED, MALFORMED or UNKNOWN_TYPE
   * @param bits the key length when USABLE, else 0
   * @param problem why it is MALFORMED or UNKNOWN_TYPE, else null
   * @param pkcs1 whether an RSA key came as a bare PKCS#1 RSAPublicKey
   */
  record Decoded(KeyState state, int bits, String problem, boolean pkcs1) {
    static Decoded usable(int bits, boolean pkcs1) {
      return new Decoded(KeyState.USABLE, bits, null, pkcs1);
    }

    static Decoded malformed(String problem) {
      return new Decoded(KeyState.MALFORMED, 0, problem, false);
    }
  }

  /** Decodes {@code base64} (FWS allowed, RFC 6376 §3.6.1) as a key of type {@code keyType}. */
  static Decoded decode(String keyType, String base64) {
    String compact = base64.replaceAll("[ \\t\\r\\n]", "");
    if (compact.isEmpty()) {
      return new Decoded(KeyState.REVOKED, 0, null, false);
    }
    if (!keyType.equals(DkimKey.RSA) && !keyType.equals(DkimKey.ED25519)) {
      return new Decoded(KeyState.UNKNOWN_TYPE, 0, "k=" + keyType + " is not a registered key type (rsa, ed25519)",
          false);
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(compact);
    } catch (IllegalArgumentException e) {
      return Decoded.malformed("p= is not valid base64: " + e.getMessage());
    }
    return keyType.equals(DkimKey.RSA) ? rsa(bytes) : ed25519(bytes);
  }

  /**
   * The SubjectPublicKeyInfo through the JDK's KeyFactory; then, for what it refuses, the modulus
   * read directly: PKCS#1 keys and moduli under 512 bits are still RSA keys of a known length.
   */
  static Decoded rsa(byte[] der) {
    try {
      RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
      return Decoded.usable(key.getModulus().bitLength(), false);
    } catch (GeneralSecurityException | ClassCastException e) {
      RsaDer.Modulus modulus = RsaDer.read(der);
      if (modulus == null) {
        return Decoded.malformed("p= does not decode to an RSA public key (neither SubjectPublicKeyInfo nor"
            + " RSAPublicKey): " + e.getMessage());
      }
      return Decoded.usable(modulus.value().bitLength(), modulus.pkcs1());
    }
  }

  static Decoded ed25519(byte[] raw) {
    if (raw.length == ED25519_OCTETS) {
      return Decoded.usable(ED25519_OCTETS * 8, false);
    }
    boolean spki = raw.length == ED25519_SPKI_PREFIX.length + ED25519_OCTETS
        && Arrays.equals(raw, 0, ED25519_SPKI_PREFIX.length, ED25519_SPKI_PREFIX, 0, ED25519_SPKI_PREFIX.length);
    return Decoded.malformed(spki
        ? "p= holds an X.509 SubjectPublicKeyInfo; RFC 8463 §4.2 wants the raw 32-octet Ed25519 key"
        : "p= holds " + raw.length + " octets; an Ed25519 key is 32 octets");
  }
}
