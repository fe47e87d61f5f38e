package io.mailsweep.check.starttls;

import io.mailsweep.check.FindingDefinition;
import io.mailsweep.check.FindingType;
import io.mailsweep.check.Severity;

/** What the STARTTLS probe of a domain's MX addresses can find, and what to do about each. */
public enum StartTlsFinding implements FindingType {
  STARTTLS_MISSING(Severity.HIGH,
      "Enable STARTTLS on the mail server (e.g. Postfix smtpd_tls_security_level = may with a certificate):"
          + " without it every message to this host crosses the internet in clear text.",
      "RFC 3207 §4, RFC 8314 §5"),
  STARTTLS_REFUSED(Severity.HIGH,
      "The server advertises STARTTLS but refuses the command: fix its TLS configuration (certificate and"
          + " key readable, TLS library loaded) so that senders can encrypt.",
      "RFC 3207 §4"),
  TLS_HANDSHAKE_FAILED(Severity.HIGH,
      "The server accepts STARTTLS but no TLS handshake completes with a current client: offer TLS 1.2 or"
          + " 1.3 with modern cipher suites. Senders then fall back to clear text or defer mail.",
      "RFC 3207 §4, RFC 8996 §5"),
  TLS_LEGACY_VERSION(Severity.MEDIUM,
      "Disable TLS 1.0 and TLS 1.1 on the mail server; accept TLS 1.2 and 1.3 only.",
      "RFC 8996 §2-3"),
  TLS_WEAK_CIPHER(Severity.MEDIUM,
      "Remove RC4, 3DES, export-grade, NULL and anonymous cipher suites from the server's configuration.",
      "RFC 7465 §2, RFC 7525 §4.1"),
  MX_ADDRESS_SPECIAL(Severity.HIGH,
      "Point the MX host at a public address: a loopback, private, link-local or other special-purpose"
          + " address cannot be reached by senders on the internet (and was not contacted).",
      "RFC 6890 §2.2, RFC 5321 §5.1");

  private final FindingDefinition definition;

  StartTlsFinding(Severity severity, String remediation, String reference) {
    this.definition = new FindingDefinition(name(), severity, remediation, reference);
  }

  @Override
  public FindingDefinition definition() {
    return definition;
  }
}
