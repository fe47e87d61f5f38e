package io.mailsweep.check.access;

import io.mailsweep.check.FindingDefinition;
import io.mailsweep.check.FindingType;
import io.mailsweep.check.Severity;

/** The mail-access findings (IMAP, POP3, submission) and what to do about each. */
public enum AccessFinding implements FindingType {
  ACCESS_CLEARTEXT_ONLY(Severity.HIGH,
      "Offer TLS on this service: implicit TLS on 993 (IMAP), 995 (POP3) or 465 (submission), or at"
          + " least STARTTLS on the plaintext port. Without it user names, passwords and mail cross the"
          + " network in clear.",
      "RFC 8314 §4.1"),
  ACCESS_LOGIN_BEFORE_TLS(Severity.HIGH,
      "Refuse authentication before TLS: advertise LOGINDISABLED on IMAP (Dovecot: auth_allow_cleartext"
          + " = no, formerly disable_plaintext_auth = yes), drop USER and SASL from POP3's capabilities"
          + " until STLS, and advertise AUTH on submission only after STARTTLS, so no client can send a"
          + " password in clear.",
      "RFC 8314 §4.1; RFC 9051 §6.2.3"),
  ACCESS_STARTTLS_REFUSED(Severity.HIGH,
      "Make the STARTTLS command work (certificate and key configured for the service), or stop"
          + " advertising it: a client told to upgrade and then refused either gives up or falls back"
          + " to cleartext.",
      "RFC 8314 §4.1; RFC 2595 §3.1"),
  ACCESS_TLS_FAILED(Severity.HIGH,
      "Fix the service's TLS configuration: no handshake completed with a current client offer, nor"
          + " with TLS 1.0/1.1. Check the certificate, key and enabled protocols and cipher suites.",
      "RFC 8314 §4.1"),
  ACCESS_TLS_OLD(Severity.MEDIUM,
      "Enable TLS 1.2 and 1.3 and disable TLS 1.0 and 1.1: RFC 8996 deprecates them and RFC 8314"
          + " requires TLS 1.2 or later for mail access.",
      "RFC 8314 §4.1; RFC 8996 §2"),
  ACCESS_CERTIFICATE_INVALID(Severity.HIGH,
      "Install a certificate that is current, chains to a public trust anchor and names the host"
          + " the SRV record points at (or the mail domain): mail clients verify it and refuse, or"
          + " teach their users to click through, anything else.",
      "RFC 8314 §4.1; RFC 7817 §3"),
  ACCESS_SRV_NO_ADDRESS(Severity.MEDIUM,
      "Point the SRV record at a host that has A or AAAA records, or publish \".\" as the target if"
          + " the service is not offered: clients that follow the record cannot connect.",
      "RFC 2782; RFC 6186 §3"),
  ACCESS_UNREACHABLE(Severity.MEDIUM,
      "Make the published host answer on the published port, or withdraw the SRV record: clients"
          + " configured from it cannot reach the service.",
      "RFC 6186 §3"),
  ACCESS_STARTTLS_ONLY(Severity.LOW,
      "Offer the service with implicit TLS as well (993, 995, 465) and publish its SRV record:"
          + " RFC 8314 prefers implicit TLS because STARTTLS can be stripped by an attacker before"
          + " the upgrade.",
      "RFC 8314 §3"),
  ACCESS_NONE_PUBLISHED(Severity.INFO,
      "Optional: publish SRV records (_imaps._tcp, _submissions._tcp, ...) for the domain's mail"
          + " access so that clients configure themselves with TLS, or \".\" targets for services not"
          + " offered. Without them nothing about the domain's mail access can be checked from DNS.",
      "RFC 6186 §3; RFC 8314 §5.1");

  private final FindingDefinition definition;

  AccessFinding(Severity severity, String remediation, String reference) {
    this.definition = new FindingDefinition(name(), severity, remediation, reference);
  }

  @Override
  public FindingDefinition definition() {
    return definition;
  }
}
