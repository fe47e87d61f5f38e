package io.mailsweep.check.transport;

import io.mailsweep.check.Finding;
import io.mailsweep.domain.DomainName;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What a server's certificate chain says about it, for one host at one instant. The fields from
 * {@code subject} to {@code chainProblem} describe the leaf and its chain; they are null (0, false)
 * when no certificate was presented.
 *
 * @param checkedAt the instant the chain was judged at
 * @param subject the leaf's subject DN (RFC 2253)
 * @param issuer the leaf's issuer DN (RFC 2253)
 * @param daysLeft whole days from the evaluation instant to notAfter; negative once expired
 * @param selfSigned whether the leaf is signed by its own key
 * @param keyType the leaf's key algorithm: RSA, EC, EdDSA, DSA, or the JDK's name for others
 * @param keyBits the leaf's key size: RSA/DSA modulus, EC field order, 256/456 for Ed25519/Ed448
 * @param names the names the leaf carries (subjectAltName dNSNames, or the CN when it has none;
 *     MTA-STS, which requires a dNSName, can tell with {@link HostnameMatcher#match})
 * @param nameMatches whether one of {@code names} matches {@code host} (RFC 6125 §6.4)
 * @param chainValid whether PKIX validation (RFC 5280 §6) reached a trust anchor at that instant
 * @param chainProblem why it did not, one line; null when valid
 * @param findings everything worth reporting, the expiry warning and weak algorithms included
 */
public record CertificateReport(
    DomainName host,
    Instant checkedAt,
    Validation validation,
    String subject,
    String issuer,
    Instant notBefore,
    Instant notAfter,
    long daysLeft,
    boolean selfSigned,
    String keyType,
    int keyBits,
    String signatureAlgorithm,
    List<String> names,
    boolean nameMatches,
    boolean chainValid,
    String chainProblem,
    List<Finding> findings) {

  /**
   * The one verdict, by precedence from the first that applies: NONE, EXPIRED, NOT_YET_VALID,
   * SELF_SIGNED, UNTRUSTED, NAME_MISMATCH, VALID. Dates first, because a dated certificate fails
   * every sender that authenticates whatever its issuer; a self-signed leaf before other untrusted
   * chains, because the remedy differs; the name last, because it matters only for a chain that
   * could otherwise be trusted. {@link #findings()} carries every problem, not just this one.
   */
  public enum Validation {
    VALID,
    /**
     * The leaf is past its notAfter, or an intermediate is where the chain otherwise reaches an
     * anchor (PKIX stops at the first failure, so an untrusted chain's intermediates are not dated).
     */
    EXPIRED,
    /** The leaf is before its notBefore, or an intermediate is, as for {@link #EXPIRED}. */
    NOT_YET_VALID,
    /** The leaf is signed by its own key and is not itself a trust anchor. */
    SELF_SIGNED,
    /** The chain does not validate to a trust anchor: unknown root, incomplete chain, bad signature. */
    UNTRUSTED,
    /** The chain validates, but no presented name matches the host. */
    NAME_MISMATCH,
    /** No certificate was presented. */
    NONE
  }

  public CertificateReport {
    names = names == null ? List.of() : List.copyOf(names);
    findings = List.copyOf(findings);
  }

  /** The report for a server that presented no certificate. */
  public static CertificateReport none(DomainName host, Instant checkedAt) {
    return new CertificateReport(host, checkedAt, Validation.NONE, null, null, null, null, 0, false, null, 0, null,
        List.of(), false, false, null, List.of());
  }

  /** Whether the chain authenticated the host at {@code checkedAt}. */
  public boolean valid() {
    return validation == Validation.VALID;
  }

  /** Null when {@link #valid()}, else one line for the report, e.g. "certificate expired 2026-10-01". */
  public String problem() {
    return switch (validation) {
      case VALID -> null;
      case NONE -> "no certificate presented";
      case EXPIRED -> notAfter.isBefore(checkedAt)
          ? "certificate expired " + date(notAfter) : "certificate chain: " + chainProblem;
      case NOT_YET_VALID -> notBefore.isAfter(checkedAt)
          ? "certificate not valid before " + date(notBefore) : "certificate chain: " + chainProblem;
      case SELF_SIGNED -> "self-signed certificate (" + subject + ")";
      case UNTRUSTED -> "certificate not trusted: " + chainProblem;
      case NAME_MISMATCH -> "certificate not valid for " + host + " (names: "
          + (names.isEmpty() ? "none" : String.join(", ", names)) + ")";
    };
  }

  private static String date(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
  }
}
