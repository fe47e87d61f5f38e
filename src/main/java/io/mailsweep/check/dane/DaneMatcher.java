package io.mailsweep.check.dane;

import io.mailsweep.domain.DomainName;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a usable TLSA RRset authenticates a chain a server presented (leaf first), as an SMTP
 * client following RFC 7672 §3 would decide. Pure.
 *
 * <p>DANE-EE(3): the leaf's certificate (selector 0) or SubjectPublicKeyInfo (selector 1) matches;
 * names and validity dates are not checked (RFC 7672 §3.1.1). DANE-TA(2): a certificate the server
 * presented above the leaf matches, or the record's own full certificate or public key (x 0 0, x 1
 * 0) signed the top of the chain; each certificate from the leaf up to that trust anchor must be
 * signed by the next, and a leaf name must match one of the reference identifiers (RFC 7672 §3.2.2,
 * wildcards in the left-most label per §3.2.3). Simplified on purpose: the path is checked by
 * signatures only (no validity dates, basic constraints or key usage), and a DANE-TA record
 * matching the leaf itself is not taken as a trust anchor.
 */
public final class DaneMatcher {
  /**
   * @param record the record that matched, null when none did
   * @param detail one line for the report: what matched, or why nothing did
   */
  public record Result(TlsaRecord record, String detail) {
    public boolean matched() {
      return record != null;
    }
  }

  private DaneMatcher() {}

  /**
   * @param usable the usable records of the RRset ({@link TlsaRecord#unusable()} null)
   * @param names the reference identifiers for DANE-TA: the MX host and the TLSA base domain
   */
  public static Result match(List<TlsaRecord> usable, List<X509Certificate> chain, List<DomainName> names) {
    if (chain.isEmpty()) {
      return new Result(null, "no certificate presented");
    }
    List<String> near = new ArrayList<>();
    for (TlsaRecord r : usable) {
      if (r.usage() == TlsaRecord.DANE_EE && matches(r, chain.get(0))) {
        return new Result(r, "leaf matches " + r.brief());
      }
    }
    for (TlsaRecord r : usable) {
      if (r.usage() == TlsaRecord.DANE_TA) {
        String failure = trustAnchorFailure(r, chain, names);
        if (failure == null) {
          return new Result(r, "chain leads to the trust anchor " + r.brief());
        }
        if (!failure.isEmpty()) {
          near.add(failure);
        }
      }
    }
    return new Result(null, near.isEmpty()
        ? "no TLSA record matches the presented chain (leaf " + chain.get(0).getSubjectX500Principal().getName() + ")"
        : String.join("; ", near));
  }

  /** Whether the record's data is this certificate's selected part, by its matching type. */
  static boolean matches(TlsaRecord r, X509Certificate cert) {
    try {
      byte[] selected = r.selector() == TlsaRecord.SELECTOR_CERT ? cert.getEncoded() : cert.getPublicKey().getEncoded();
      byte[] expected = r.bytes();
      return switch (r.matchingType()) {
        case TlsaRecord.MATCH_FULL -> MessageDigest.isEqual(selected, expected);
        case TlsaRecord.MATCH_SHA256 -> MessageDigest.isEqual(digest("SHA-256", selected), expected);
        case TlsaRecord.MATCH_SHA512 -> MessageDigest.isEqual(digest("SHA-512", selected), expected);
        default -> false;
      };
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Null when {@code r} authenticates the chain; "" when it matches nothing; else why not. */
  private static String trustAnchorFailure(TlsaRecord r, List<X509Certificate> chain, List<DomainName> names) {
    int anchor = -1;
    for (int i = 1; i < chain.size() && anchor < 0; i++) {
      anchor = matches(r, chain.get(i)) ? i : -1;
    }
    PublicKey key = anchor > 0 ? chain.get(anchor).getPublicKey() : embeddedKey(r);
    int top = anchor > 0 ? anchor : chain.size() - 1;
    if (key == null) {
      return "";
    }
    if (anchor < 0 && !signedBy(chain.get(top), key)) {
      return "";
    }
    for (int k = 0; k < top; k++) {
      if (!signedBy(chain.get(k), chain.get(k + 1).getPublicKey())) {
        return r.brief() + " matches a certificate the chain does not lead to (certificate " + k
            + " is not signed by certificate " + (k + 1) + ")";
      }
    }
    if (!ServerNames.matchesAny(chain.get(0), names)) {
      return r.brief() + " matches, but the leaf names " + ServerNames.of(chain.get(0)) + " match none of " + names;
    }
    return null;
  }

  /** The trust anchor's key carried in the record itself: 2 0 0 (certificate) or 2 1 0 (SPKI). */
  private static PublicKey embeddedKey(TlsaRecord r) {
    if (r.matchingType() != TlsaRecord.MATCH_FULL) {
      return null;
    }
    try {
      if (r.selector() == TlsaRecord.SELECTOR_CERT) {
        return CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(r.bytes())).getPublicKey();
      }
      X509EncodedKeySpec spec = new X509EncodedKeySpec(r.bytes());
      for (String algorithm : new String[] {"EC", "RSA", "Ed25519", "Ed448"}) {
        try {
          return KeyFactory.getInstance(algorithm).generatePublic(spec);
        } catch (GeneralSecurityException wrongAlgorithm) {
          // try the next
        }
      }
      return null;
    } catch (GeneralSecurityException e) {
      return null;
    }
  }

  private static boolean signedBy(X509Certificate cert, PublicKey key) {
    try {
      cert.verify(key);
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private static byte[] digest(String algorithm, byte[] data) throws GeneralSecurityException {
    return MessageDigest.getInstance(algorithm).digest(data);
  }
}
