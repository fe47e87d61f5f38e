package io.mailsweep.check.dane;

import io.mailsweep.check.FindingDefinition;
import io.mailsweep.check.FindingType;
import io.mailsweep.check.Severity;

/** The DANE for SMTP findings and what to do about each. */
public enum DaneFinding implements FindingType {
  DANE_MX_NOT_SIGNED(Severity.INFO,
      "No action needed unless DANE is wanted: DANE for SMTP applies only when the domain's MX"
          + " records are DNSSEC-signed, so sign the zone and publish its DS in the parent first.",
      "RFC 7672 §2.2.1"),
  DANE_NOT_PUBLISHED(Severity.INFO,
      "DANE is optional: to protect inbound mail against TLS downgrade and impostor servers,"
          + " publish a TLSA record such as \"3 1 1 <SHA-256 of the server's public key>\" at"
          + " _25._tcp.<mx host> in a DNSSEC-signed zone.",
      "RFC 7672 §3.1.1"),
  DANE_PARTIAL(Severity.LOW,
      "Publish TLSA records for every MX host: a host without them receives mail over"
          + " unauthenticated TLS, and an attacker who blocks the protected hosts can steer mail to it.",
      "RFC 7672 §2.2.3"),
  DANE_TLSA_NOT_SIGNED(Severity.MEDIUM,
      "Sign the zone holding the TLSA records (and chain it to the root with a DS record): senders"
          + " ignore TLSA records that DNSSEC does not authenticate, so the host gets no DANE protection.",
      "RFC 7672 §2.2.3"),
  DANE_DNSSEC_BOGUS(Severity.HIGH,
      "Fix the zone's DNSSEC (expired or wrong signatures, a DS that matches no key): validating"
          + " senders cannot trust the MX or TLSA answers and defer mail to the domain.",
      "RFC 7672 §2.1.1"),
  DANE_TLSA_UNUSABLE(Severity.LOW,
      "Remove or correct the record: SMTP senders use only DANE-TA(2) and DANE-EE(3) records with"
          + " selector 0 or 1 and matching type 0, 1 or 2 with a digest of the right length, and"
          + " ignore the rest.",
      "RFC 7672 §3.1.3; RFC 6698 §2.1"),
  DANE_TLSA_NONE_USABLE(Severity.MEDIUM,
      "Publish at least one usable TLSA record (\"3 1 1\" is the recommended form): with none,"
          + " senders fall back to unauthenticated TLS and the host has no DANE protection.",
      "RFC 7672 §2.2"),
  DANE_MISMATCH(Severity.HIGH,
      "Make the TLSA records match the certificate the server presents (publish the new key's"
          + " record before switching certificates): DANE senders will not deliver to a server"
          + " whose certificate matches no usable TLSA record.",
      "RFC 7672 §3, §4"),
  DANE_NO_TLS(Severity.HIGH,
      "Offer STARTTLS with a working TLS handshake on this host: its usable TLSA records make TLS"
          + " mandatory for DANE senders, which will not deliver in plain text.",
      "RFC 7672 §2.2");

  private final FindingDefinition definition;

  DaneFinding(Severity severity, String remediation, String reference) {
    this.definition = new FindingDefinition(name(), severity, remediation, reference);
  }

  @Override
  public FindingDefinition definition() {
    return definition;
  }
}
