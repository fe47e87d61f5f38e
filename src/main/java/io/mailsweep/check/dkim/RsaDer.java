package io.mailsweep.check.dkim;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Just enough DER (X.690) to read the modulus of an RSA public key in either form found in DKIM
 * records: a SubjectPublicKeyInfo (RFC 5280 §4.1, what RFC 6376 Appendix C and nearly every
 * signer publish) or a bare PKCS#1 RSAPublicKey (RFC 8017 §A.1.1, the structure the text of RFC
 * 6376 §3.6.1 names). Used where {@code KeyFactory} gives up: PKCS#1 input, and moduli
 * below the 512 bits the JDK's provider accepts, which are weak keys rather than malformed ones.
 */
final class RsaDer {
  private static final int SEQUENCE = 0x30;
  private static final int INTEGER = 0x02;
  private static final int BIT_STRING = 0x03;
  private static final int OID = 0x06;
  /** 1.2.840.113549.1.1.1, rsaEncryption (RFC 8017 §A.1). */
  private static final byte[] RSA_ENCRYPTION =
      {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01};

  private final byte[] der;
  private int pos;

  private RsaDer(byte[] der, int pos) {
    this.der = der;
    this.pos = pos;
  }

  /** An RSA modulus and whether it came as a bare PKCS#1 RSAPublicKey. */
  record Modulus(BigInteger value, boolean pkcs1) {}

  /** The modulus of an RSA key in either form, or null when {@code der} is neither. */
  static Modulus read(byte[] der) {
    try {
      RsaDer outer = new RsaDer(der, 0);
      RsaDer body = outer.enter(SEQUENCE);
      if (outer.pos != der.length) {
        return null;
      }
      boolean pkcs1 = body.peek() == INTEGER;
      return new Modulus(pkcs1 ? body.pkcs1() : body.spki(), pkcs1);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private BigInteger spki() {
    RsaDer algorithm = enter(SEQUENCE);
    byte[] oid = algorithm.value(OID);
    if (!Arrays.equals(oid, RSA_ENCRYPTION)) {
      throw new IllegalArgumentException("not rsaEncryption");
    }
    byte[] bits = value(BIT_STRING);
    if (bits.length < 2 || bits[0] != 0) {
      throw new IllegalArgumentException("bad BIT STRING");
    }
    RsaDer inner = new RsaDer(Arrays.copyOfRange(bits, 1, bits.length), 0);
    RsaDer key = inner.enter(SEQUENCE);
    if (inner.pos != inner.der.length) {
      throw new IllegalArgumentException("trailing bytes");
    }
    return key.pkcs1();
  }

  private BigInteger pkcs1() {
    BigInteger modulus = new BigInteger(1, value(INTEGER));
    BigInteger exponent = new BigInteger(1, value(INTEGER));
    if (pos != der.length || modulus.signum() == 0 || exponent.signum() == 0) {
      throw new IllegalArgumentException("not an RSAPublicKey");
    }
    return modulus;
  }

  private int peek() {
    if (pos >= der.length) {
      throw new IllegalArgumentException("truncated");
    }
    return der[pos] & 0xff;
  }

  /** Reads a constructed element of {@code tag}; returns a reader over its contents. */
  private RsaDer enter(int tag) {
    return new RsaDer(value(tag), 0);
  }

  private byte[] value(int tag) {
    if (peek() != tag) {
      throw new IllegalArgumentException("expected tag " + tag);
    }
    pos++;
    int length = length();
    if (length > der.length - pos) {
      throw new IllegalArgumentException("truncated");
    }
    byte[] out = Arrays.copyOfRange(der, pos, pos + length);
    pos += length;
    return out;
  }

  /** A definite length (X.690 §8.1.3), short or long form, at most four octets. */
  private int length() {
    int first = peek();
    pos++;
    if (first < 0x80) {
      return first;
    }
    int octets = first & 0x7f;
    if (octets == 0 || octets > 4) {
      throw new IllegalArgumentException("unsupported length");
    }
    long n = 0;
    for (int i = 0; i < octets; i++) {
      n = (n << 8) | peek();
      pos++;
    }
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("length too large");
    }
    return (int) n;
  }
}
