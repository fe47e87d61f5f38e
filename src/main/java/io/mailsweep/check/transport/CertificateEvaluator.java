package io.mailsweep.check.transport;

import io.mailsweep.check.Finding;
import io.mailsweep.check.transport.CertificateReport.Validation;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.tls.TrustMaterial;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Judges the certificate chain an MX server presented: PKIX validation over the run's trust
 * anchors (see {@link ChainValidator}), the host name (see {@link HostnameMatcher}), dates, and
 * key and signature strength. Pure: no network, no clock but the one given; safe to share.
 */
public final class CertificateEvaluator implements CertificateJudge {
  private static final long SECONDS_PER_DAY = 86_400;

  private final TrustMaterial trust;
  private final CertificateSettings settings;
  private final Clock clock;
  private final ChainValidator validator;

  public CertificateEvaluator(TrustMaterial trust, CertificateSettings settings, Clock clock) {
    this.trust = trust;
    this.settings = settings;
    this.clock = clock;
    this.validator = new ChainValidator(trust);
  }

  public CertificateEvaluator(TrustMaterial trust, CertificateSettings settings) {
    this(trust, settings, Clock.systemUTC());
  }

  /** The report for {@code chain} (leaf first, as presented; empty when none) at {@code now}. */
  public CertificateReport evaluate(List<X509Certificate> chain, DomainName host, Instant now) {
    if (chain.isEmpty()) {
      return CertificateReport.none(host, now);
    }
    X509Certificate leaf = chain.get(0);
    ChainValidator.Outcome pkix = validator.validate(chain, now);
    HostnameMatcher.NameMatch name = HostnameMatcher.match(host, leaf);
    boolean selfSigned = CertificateFacts.selfSigned(leaf);
    Instant notAfter = leaf.getNotAfter().toInstant();
    long daysLeft = Math.floorDiv(Duration.between(now, notAfter).getSeconds(), SECONDS_PER_DAY);
    Validation validation = validation(leaf, now, pkix, selfSigned, name.matched());
    List<Finding> findings = CertificateFindings.of(
        new CertificateFindings.Facts(host, now, chain, daysLeft, selfSigned, pkix, name), trust, settings);
    PublicKey key = leaf.getPublicKey();
    return new CertificateReport(host, now, validation, CertificateFacts.subject(leaf), CertificateFacts.issuer(leaf),
        leaf.getNotBefore().toInstant(), notAfter, daysLeft, selfSigned, CertificateFacts.keyType(key),
        CertificateFacts.keyBits(key), leaf.getSigAlgName(), name.names(), name.matched(), pkix.valid(),
        pkix.problem(), findings);
  }

  /** Null when {@code chain} is valid now for {@code host}, else {@link CertificateReport#problem()}. */
  @Override
  public String failure(DomainName host, List<X509Certificate> chain) {
    return evaluate(chain, host, clock.instant()).problem();
  }

  /** The precedence documented on {@link Validation}. */
  private static Validation validation(X509Certificate leaf, Instant now, ChainValidator.Outcome pkix,
      boolean selfSigned, boolean nameMatches) {
    if (now.isAfter(leaf.getNotAfter().toInstant()) || pkix.dates() == ChainValidator.Dates.EXPIRED) {
      return Validation.EXPIRED;
    }
    if (now.isBefore(leaf.getNotBefore().toInstant()) || pkix.dates() == ChainValidator.Dates.NOT_YET_VALID) {
      return Validation.NOT_YET_VALID;
    }
    if (!pkix.valid()) {
      return selfSigned ? Validation.SELF_SIGNED : Validation.UNTRUSTED;
    }
    return nameMatches ? Validation.VALID : Validation.NAME_MISMATCH;
  }
}
