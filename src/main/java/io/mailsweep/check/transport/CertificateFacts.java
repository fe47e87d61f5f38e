package io.mailsweep.check.transport;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.util.Locale;

/** Facts read off one certificate: key type and size, self-signature, signature strength. */
final class CertificateFacts {
  private CertificateFacts() {}

  /** RSA, EC, EdDSA, DSA, or the JDK's algorithm name for other keys. */
  static String keyType(PublicKey key) {
    if (key instanceof RSAKey) {
      return "RSA";
    }
    if (key instanceof ECKey) {
      return "EC";
    }
    if (key instanceof EdECKey) {
      return "EdDSA";
    }
    if (key instanceof DSAKey) {
      return "DSA";
    }
    return key.getAlgorithm();
  }

  /** The key's size in bits as key-size policies count it; 0 when unknown. */
  static int keyBits(PublicKey key) {
    if (key instanceof RSAKey rsa) {
      return rsa.getModulus().bitLength();
    }
    if (key instanceof ECKey ec) {
      return ec.getParams().getOrder().bitLength();
    }
    if (key instanceof EdECKey ed) {
      return "Ed448".equalsIgnoreCase(ed.getParams().getName()) ? 456 : 256;
    }
    if (key instanceof DSAKey dsa && dsa.getParams() != null) {
      return dsa.getParams().getP().bitLength();
    }
    return 0;
  }

  /** Whether {@code key} is below the settings' floor for its type; EdDSA and unknown types never are. */
  static boolean weakKey(PublicKey key, CertificateSettings settings) {
    int bits = keyBits(key);
    return switch (keyType(key)) {
      case "RSA", "DSA" -> bits < settings.minRsaBits();
      case "EC" -> bits < settings.minEcBits();
      default -> false;
    };
  }

  /** Whether the signature algorithm hashes with MD2, MD5 or SHA-1 (RFC 6151, RFC 6194). */
  static boolean weakSignature(String algorithm) {
    String a = algorithm.toUpperCase(Locale.ROOT).replace("-", "");
    return a.startsWith("MD2") || a.startsWith("MD5") || a.startsWith("SHA1");
  }

  /** Self-issued (subject = issuer) and verifiable with its own key (RFC 5280 §3.2). */
  static boolean selfSigned(X509Certificate certificate) {
    if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
      return false;
    }
    try {
      certificate.verify(certificate.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** The DN in RFC 2253 form, for reports. */
  static String subject(X509Certificate certificate) {
    return certificate.getSubjectX500Principal().getName();
  }

  static String issuer(X509Certificate certificate) {
    return certificate.getIssuerX500Principal().getName();
  }
}
