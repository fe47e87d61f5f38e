package io.mailsweep.check.dane;

import java.util.HexFormat;
import java.util.Locale;

/**
 * A well-formed TLSA record (RFC 6698 §2.1): the three parameter octets and the certificate
 * association data, in lower-case hex. Well-formed is not usable: see {@link #unusable()}.
 *
 * @param usage 0 PKIX-TA, 1 PKIX-EE, 2 DANE-TA, 3 DANE-EE (RFC 7218 §2.1); 0-255 on the wire
 * @param selector 0 the full certificate, 1 its SubjectPublicKeyInfo (RFC 6698 §2.1.2)
 * @param matchingType 0 exact, 1 SHA-256, 2 SHA-512 (RFC 6698 §2.1.3)
 * @param data the certificate association data in lower-case hex, at least one octet
 */
public record TlsaRecord(int usage, int selector, int matchingType, String data) {
  public static final int PKIX_TA = 0;
  public static final int PKIX_EE = 1;
  public static final int DANE_TA = 2;
  public static final int DANE_EE = 3;
  public static final int SELECTOR_CERT = 0;
  public static final int SELECTOR_SPKI = 1;
  public static final int MATCH_FULL = 0;
  public static final int MATCH_SHA256 = 1;
  public static final int MATCH_SHA512 = 2;

  public TlsaRecord {
    for (int octet : new int[] {usage, selector, matchingType}) {
      if (octet < 0 || octet > 255) {
        throw new IllegalArgumentException("TLSA parameters are octets: " + octet);
      }
    }
    data = data.toLowerCase(Locale.ROOT);
    if (data.isEmpty() || data.length() % 2 != 0 || !data.chars().allMatch(HexFormat::isHexDigit)) {
      throw new IllegalArgumentException("TLSA data must be hex octets: " + data);
    }
  }

  public byte[] bytes() {
    return HexFormat.of().parseHex(data);
  }

  /**
   * Why SMTP senders ignore this record, or null when they use it: PKIX-TA(0) and PKIX-EE(1) are
   * not for SMTP (RFC 7672 §3.1.3); unassigned usages, selectors and matching types are unusable
   * (RFC 6698 §2.1, RFC 7672 §2.2).
   */
  public String unusable() {
    if (usage == PKIX_TA || usage == PKIX_EE) {
      return "certificate usage " + usage + " (" + (usage == PKIX_TA ? "PKIX-TA" : "PKIX-EE")
          + ") is not used by SMTP senders, which only honour DANE-TA(2) and DANE-EE(3)";
    }
    if (usage > DANE_EE) {
      return "certificate usage " + usage + " is not assigned";
    }
    if (selector > SELECTOR_SPKI) {
      return "selector " + selector + " is not assigned";
    }
    if (matchingType > MATCH_SHA512) {
      return "matching type " + matchingType + " is not assigned";
    }
    return null;
  }

  /** Presentation form, e.g. {@code 3 1 1 0a1b...}. */
  public String presentation() {
    return usage + " " + selector + " " + matchingType + " " + data;
  }

  /** The first octets only, for reports: {@code 3 1 1 0a1b2c3d...}. */
  public String brief() {
    String shown = data.length() > 16 ? data.substring(0, 16) + "..." : data;
    return usage + " " + selector + " " + matchingType + " " + shown;
  }
}
