package io.mailsweep.check.dmarc;

import io.mailsweep.check.FindingDefinition;
import io.mailsweep.check.FindingType;
import io.mailsweep.check.Severity;

/** The DMARC findings and what to do about each. */
public enum DmarcFinding implements FindingType {
  DMARC_MISSING(
      Severity.HIGH,
      "Publish a TXT record at _dmarc.<domain> starting with \"v=DMARC1; p=none;\" and a rua="
          + " address, watch the reports, then move to p=quarantine and p=reject.",
      "RFC 7489 §6.1"),
  DMARC_MULTIPLE_RECORDS(
      Severity.HIGH,
      "Keep exactly one \"v=DMARC1\" record at _dmarc.<domain>: with several, receivers apply no"
          + " DMARC policy at all.",
      "RFC 7489 §6.6.3"),
  DMARC_INVALID(
      Severity.HIGH,
      "Fix the record's syntax: it must start with \"v=DMARC1\" and carry a p= tag whose value is"
          + " none, quarantine or reject.",
      "RFC 7489 §6.3"),
  DMARC_POLICY_NONE(
      Severity.MEDIUM,
      "p=none only monitors: once the aggregate reports show all legitimate mail aligned, raise"
          + " the policy to p=quarantine and then p=reject.",
      "RFC 7489 §6.3");

  private final FindingDefinition definition;

  DmarcFinding(Severity severity, String remediation, String reference) {
    this.definition = new FindingDefinition(name(), severity, remediation, reference);
  }

  @Override
  public FindingDefinition definition() {
    return definition;
  }
}
