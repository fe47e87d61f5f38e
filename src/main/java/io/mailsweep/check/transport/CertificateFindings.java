package io.mailsweep.check.transport;

import io.mailsweep.check.Finding;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.tls.TrustMaterial;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The findings of one evaluated chain: every problem that applies, not only the one that decided
 * the validation. Weak keys and signatures are judged on the presented certificates the sender
 * relies on: the leaf, and intermediates that are neither anchors nor self-signed roots (an
 * anchor's own signature is never verified, RFC 5280 §6.1.1 (d)).
 */
final class CertificateFindings {
  private CertificateFindings() {}

  /** Facts about the chain the findings are built from. */
  record Facts(DomainName host, Instant now, List<X509Certificate> certificates, long daysLeft,
      boolean selfSigned, ChainValidator.Outcome pkix, HostnameMatcher.NameMatch name) {}

  static List<Finding> of(Facts f, TrustMaterial trust, CertificateSettings settings) {
    List<Finding> findings = new ArrayList<>();
    dates(f, settings, findings);
    trust(f, findings);
    if (!f.name().matched()) {
      findings.add(CertificateFinding.CERT_NAME_MISMATCH.with(f.host() + " is not among the certificate's names ("
          + (f.name().names().isEmpty() ? "none" : String.join(", ", f.name().names())) + ")"));
    }
    strength(f, trust, settings, findings);
    return findings;
  }

  private static void dates(Facts f, CertificateSettings settings, List<Finding> out) {
    X509Certificate leaf = f.certificates().get(0);
    Instant notAfter = leaf.getNotAfter().toInstant();
    Instant notBefore = leaf.getNotBefore().toInstant();
    if (f.now().isAfter(notAfter)) {
      out.add(CertificateFinding.CERT_EXPIRED.with("Certificate of " + f.host() + " expired " + date(notAfter)
          + " (" + days(Duration.between(notAfter, f.now()).toDays()) + " ago)"));
    } else if (f.now().isBefore(notBefore)) {
      out.add(CertificateFinding.CERT_NOT_YET_VALID.with("Certificate of " + f.host() + " is not valid before "
          + date(notBefore)));
    } else if (f.daysLeft() < settings.expiryWarnDays()) {
      out.add(CertificateFinding.CERT_EXPIRING_SOON.with("Certificate of " + f.host() + " expires " + date(notAfter)
          + " (in " + days(f.daysLeft()) + "; warning below " + settings.expiryWarnDays() + ")"));
    }
    ChainValidator.Dates chainDates = f.pkix().dates();
    if (chainDates == ChainValidator.Dates.EXPIRED && !f.now().isAfter(notAfter)) {
      out.add(CertificateFinding.CERT_EXPIRED.with("Chain of " + f.host() + ": " + f.pkix().problem()));
    } else if (chainDates == ChainValidator.Dates.NOT_YET_VALID && !f.now().isBefore(notBefore)) {
      out.add(CertificateFinding.CERT_NOT_YET_VALID.with("Chain of " + f.host() + ": " + f.pkix().problem()));
    }
  }

  private static void trust(Facts f, List<Finding> out) {
    ChainValidator.Outcome pkix = f.pkix();
    if (pkix.valid() || pkix.dates() != ChainValidator.Dates.OK) {
      return;
    }
    if (f.selfSigned()) {
      out.add(CertificateFinding.CERT_SELF_SIGNED.with("Certificate of " + f.host() + " is self-signed ("
          + CertificateFacts.subject(f.certificates().get(0)) + ") and not a trust anchor"));
    } else {
      out.add(CertificateFinding.CERT_UNTRUSTED.with("Certificate of " + f.host() + " is not trusted: "
          + pkix.problem()));
    }
  }

  private static void strength(Facts f, TrustMaterial trust, CertificateSettings settings, List<Finding> out) {
    List<X509Certificate> chain = f.certificates();
    for (int i = 0; i < chain.size(); i++) {
      X509Certificate c = chain.get(i);
      if (i > 0 && (trust.isAnchor(c) || CertificateFacts.selfSigned(c))) {
        continue;
      }
      String which = (i == 0 ? "leaf " : "intermediate ") + CertificateFacts.subject(c);
      PublicKey key = c.getPublicKey();
      if (CertificateFacts.weakKey(key, settings)) {
        out.add(CertificateFinding.CERT_WEAK_KEY.with(CertificateFacts.keyType(key) + " key of "
            + CertificateFacts.keyBits(key) + " bits in " + which + " of " + f.host()));
      }
      if (!trust.isAnchor(c) && CertificateFacts.weakSignature(c.getSigAlgName())) {
        out.add(CertificateFinding.CERT_WEAK_SIGNATURE.with(c.getSigAlgName() + " signature on " + which
            + " of " + f.host()));
      }
    }
  }

  private static String days(long n) {
    return n + (n == 1 ? " day" : " days");
  }

  static String date(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
  }
}
