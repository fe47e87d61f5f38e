package io.mailsweep.check.spf;

import io.mailsweep.check.FindingDefinition;
import io.mailsweep.check.FindingType;
import io.mailsweep.check.Severity;

/** The SPF findings and what to do about each. */
public enum SpfFinding implements FindingType {
  SPF_MISSING(
      Severity.HIGH,
      "Publish one TXT record starting with \"v=spf1\" at the domain that lists the hosts allowed"
          + " to send its mail and ends in \"-all\" (or \"~all\" with DMARC at p=reject).",
      "RFC 7208 §4.5"),
  SPF_DOMAIN_NXDOMAIN(
      Severity.HIGH,
      "The domain does not exist in DNS. Check the vendor's domain in the input list; a"
          + " non-existent domain can be registered by anyone.",
      "RFC 7208 §4.3"),
  SPF_MULTIPLE_RECORDS(
      Severity.HIGH,
      "Merge the SPF records into one: with several \"v=spf1\" records receivers must return"
          + " permerror and ignore SPF entirely.",
      "RFC 7208 §4.5");

  private final FindingDefinition definition;

  SpfFinding(Severity severity, String remediation, String reference) {
    this.definition = new FindingDefinition(name(), severity, remediation, reference);
  }

  @Override
  public FindingDefinition definition() {
    return definition;
  }
}
