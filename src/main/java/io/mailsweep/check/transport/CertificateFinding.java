package io.mailsweep.check.transport;

import io.mailsweep.check.FindingDefinition;
import io.mailsweep.check.FindingType;
import io.mailsweep.check.Severity;

/**
 * The server certificate findings and what to do about each.
 *
 * <p>Severities assume opportunistic STARTTLS (RFC 3207 §4.1, RFC 7435): most senders encrypt to
 * any certificate, so a certificate that does not authenticate the host leaves mail encrypted
 * against passive eavesdroppers and is LOW; one that is expired or not yet valid shows broken
 * operation (the host meant to be authenticated) and is MEDIUM, as is a weak key. Consumers that
 * require authentication raise them: MTA-STS in enforce mode (RFC 8461 §4.2, §5) and DANE-TA
 * (RFC 7672 §3.1.2) refuse delivery on every one of these but the expiry warning.
 */
public enum CertificateFinding implements FindingType {
  CERT_EXPIRED(Severity.MEDIUM,
      "Renew the certificate and install the new one with its intermediate certificates: senders"
          + " that authenticate (MTA-STS, DANE-TA) refuse an expired certificate and hold the mail.",
      "RFC 5280 §4.1.2.5, §6.1.3; RFC 8461 §4.2"),
  CERT_NOT_YET_VALID(Severity.MEDIUM,
      "Check the server's and the issuer's clocks, or install the previous certificate until this"
          + " one becomes valid: senders that authenticate refuse it until its notBefore date.",
      "RFC 5280 §4.1.2.5, §6.1.3; RFC 8461 §4.2"),
  CERT_EXPIRING_SOON(Severity.LOW,
      "Renew the certificate now (automate renewal, e.g. with ACME): it expires within the warning"
          + " period, after which authenticating senders refuse it.",
      "RFC 5280 §4.1.2.5"),
  CERT_SELF_SIGNED(Severity.LOW,
      "Install a certificate from a public CA (ACME CAs issue them free) if the domain wants"
          + " MTA-STS, or publish a DANE-EE TLSA record for this key: a self-signed certificate"
          + " encrypts but authenticates nothing.",
      "RFC 5280 §6.1; RFC 8461 §4.2; RFC 7672 §3.1.1"),
  CERT_UNTRUSTED(Severity.LOW,
      "Install a certificate from a publicly trusted CA and serve the full chain (leaf, then"
          + " intermediates): the chain does not lead to a trusted root, so senders cannot"
          + " authenticate the server.",
      "RFC 5280 §6.1; RFC 8461 §4.2"),
  CERT_NAME_MISMATCH(Severity.LOW,
      "Add the MX host name to the certificate's subjectAltName (a wildcard covers only one"
          + " left-most label): senders that authenticate check the MX name, not the mail domain.",
      "RFC 6125 §6.4; RFC 7817 §3; RFC 8461 §4.2"),
  CERT_WEAK_KEY(Severity.MEDIUM,
      "Replace the key with RSA of at least 2048 bits or ECDSA P-256 or stronger and reissue the"
          + " certificate: shorter keys can be broken and let an attacker impersonate the server.",
      "NIST SP 800-57 Part 1 §5.6; CA/B Forum Baseline Requirements §6.1.5"),
  CERT_WEAK_SIGNATURE(Severity.LOW,
      "Reissue the certificate (or replace the intermediate) with a SHA-256 or stronger signature:"
          + " MD5 and SHA-1 signatures can be forged by collision and most TLS libraries reject them.",
      "RFC 6151 §2; RFC 6194 §3; CA/B Forum Baseline Requirements §7.1.3");

  private final FindingDefinition definition;

  CertificateFinding(Severity severity, String remediation, String reference) {
    this.definition = new FindingDefinition(name(), severity, remediation, reference);
  }

  @Override
  public FindingDefinition definition() {
    return definition;
  }
}
