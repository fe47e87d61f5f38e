package io.mailsweep.check.dkim;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/** Real public keys minted in the test, base64 as they appear in p=; one key per size per run. */
final class TestKeys {
  private static final Map<Integer, RSAPublicKey> RSA = new ConcurrentHashMap<>();
  private static final byte[] RSA_ALGORITHM =
      hex("300d06092a864886f70d0101010500");

  private TestKeys() {}

  /** A SubjectPublicKeyInfo, the form signers publish (RFC 6376 Appendix C). */
  static String rsa(int bits) {
    return Base64.getEncoder().encodeToString(rsaKey(bits).getEncoded());
  }

  /** The same key as a bare PKCS#1 RSAPublicKey. */
  static String rsaPkcs1(int bits) {
    RSAPublicKey key = rsaKey(bits);
    return Base64.getEncoder().encodeToString(pkcs1(key.getModulus(), key.getPublicExponent()));
  }

  /** A SubjectPublicKeyInfo around a modulus of exactly {@code bits} bits, below what the JDK makes. */
  static String tinyRsa(int bits) {
    BigInteger modulus = new BigInteger(bits, new Random(bits)).setBit(bits - 1).setBit(0);
    byte[] key = pkcs1(modulus, BigInteger.valueOf(65537));
    byte[] bitString = concat(new byte[] {0}, key);
    return Base64.getEncoder().encodeToString(der(0x30, concat(RSA_ALGORITHM, der(0x03, bitString))));
  }

  /** RFC 8463 §4.2: the raw 32-octet key, the last 32 octets of the X.509 encoding. */
  static String ed25519() {
    return Base64.getEncoder().encodeToString(Arrays.copyOfRange(ed25519Spki(), 12, 44));
  }

  /** The whole X.509 SubjectPublicKeyInfo of an Ed25519 key: a common mistake in p=. */
  static String ed25519AsSpki() {
    return Base64.getEncoder().encodeToString(ed25519Spki());
  }

  private static byte[] ed25519Spki() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAPublicKey rsaKey(int bits) {
    return RSA.computeIfAbsent(bits, b -> {
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(b);
        return (RSAPublicKey) generator.generateKeyPair().getPublic();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static byte[] pkcs1(BigInteger modulus, BigInteger exponent) {
    return der(0x30, concat(der(0x02, modulus.toByteArray()), der(0x02, exponent.toByteArray())));
  }

  private static byte[] der(int tag, byte[] contents) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int n = contents.length;
    if (n < 0x80) {
      out.write(n);
    } else if (n < 0x100) {
      out.write(0x81);
      out.write(n);
    } else {
      out.write(0x82);
      out.write(n >> 8);
      out.write(n & 0xff);
    }
    out.writeBytes(contents);
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] hex(String s) {
    return java.util.HexFormat.of().parseHex(s);
  }
}
