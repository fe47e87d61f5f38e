package io.mailsweep.check.tlsrpt;

import io.mailsweep.check.FindingDefinition;
import io.mailsweep.check.FindingType;
import io.mailsweep.check.Severity;

/** The SMTP TLS Reporting findings and what to do about each. */
public enum TlsRptFinding implements FindingType {
  TLSRPT_MISSING(Severity.LOW,
      "TLS-RPT is recommended, not required: publish one TXT record at _smtp._tls.<domain> such as"
          + " \"v=TLSRPTv1; rua=mailto:tls-reports@<domain>\" to learn when senders cannot"
          + " establish TLS (MTA-STS or DANE failures, downgrade attacks) for the domain's mail.",
      "RFC 8460 §3"),
  TLSRPT_MULTIPLE_RECORDS(Severity.MEDIUM,
      "Merge the records into one: with more than one \"v=TLSRPTv1\" record senders must assume"
          + " the domain does not implement TLS-RPT and send no reports at all.",
      "RFC 8460 §3"),
  TLSRPT_INVALID(Severity.MEDIUM,
      "Correct the record's syntax: it must start with \"v=TLSRPTv1\", contain one rua= field and"
          + " separate fields with \";\" (no spaces around \"=\"). Senders cannot use a malformed"
          + " record, so no reports are sent.",
      "RFC 8460 §3"),
  TLSRPT_INVALID_RUA(Severity.MEDIUM,
      "Give rua= one or more comma-separated destinations, each either mailto: with a full e-mail"
          + " address or an absolute https: URL with a host (no DMARC-style \"!size\" suffix)."
          + " A malformed destination makes the record unusable, so no reports are sent.",
      "RFC 8460 §3"),
  TLSRPT_EXTENSION_TAG(Severity.INFO,
      "No action needed: the record carries an extension field that senders ignore unless they"
          + " know it. Remove it if it is a typo of rua=.",
      "RFC 8460 §3");

  private final FindingDefinition definition;

  TlsRptFinding(Severity severity, String remediation, String reference) {
    this.definition = new FindingDefinition(name(), severity, remediation, reference);
  }

  @Override
  public FindingDefinition definition() {
    return definition;
  }
}
