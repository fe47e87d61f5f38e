package io.mailsweep.check.mx;

import io.mailsweep.check.FindingDefinition;
import io.mailsweep.check.FindingType;
import io.mailsweep.check.Severity;

/**
 * The MX findings and what to do about each. {@link #MX_HOST_NO_ADDRESS} is raised to HIGH when
 * no host of the domain has an address, since then no mail can be delivered at all.
 */
public enum MxFinding implements FindingType {
  MX_DOMAIN_NXDOMAIN(Severity.HIGH,
      "The domain does not exist in DNS. Check the vendor's domain in the input list; a"
          + " non-existent domain can be registered by anyone.",
      "RFC 5321 §5.1"),
  MX_NONE(Severity.HIGH,
      "Publish MX records naming the hosts that receive the domain's mail, or a null MX"
          + " (\"0 .\") if the domain sends no replies and accepts no mail: with neither MX nor"
          + " address records the domain cannot receive mail.",
      "RFC 5321 §5.1"),
  MX_IMPLICIT(Severity.LOW,
      "Publish explicit MX records: without them senders deliver to the domain's own A/AAAA"
          + " address (implicit MX), which is rarely a mail server and defeats MTA-STS and DANE.",
      "RFC 5321 §5.1"),
  MX_NULL_MIXED(Severity.MEDIUM,
      "Remove either the null MX (\"0 .\") or the other MX records: a domain that advertises a"
          + " null MX must not publish any other MX record.",
      "RFC 7505 §3"),
  MX_TOO_MANY_HOSTS(Severity.LOW,
      "Reduce the MX set: hosts beyond the first 10 by preference (--max-mx-hosts) were not checked, and senders"
          + " rarely try that many.",
      "RFC 5321 §5.1"),
  MX_TARGET_CNAME(Severity.MEDIUM,
      "Point the MX record at the mail server's canonical name (its A/AAAA owner), not at an"
          + " alias: MX targets must not be CNAMEs.",
      "RFC 5321 §5.1, RFC 2181 §10.3"),
  MX_TARGET_IP_LITERAL(Severity.HIGH,
      "Replace the address in the MX record by a host name with A/AAAA records: an MX target is a"
          + " domain name, and senders look it up as one, so an IP address there does not resolve.",
      "RFC 5321 §5.1"),
  MX_HOST_NO_ADDRESS(Severity.MEDIUM,
      "Give the MX host A and/or AAAA records, or remove it from the MX set: senders cannot"
          + " deliver to a host without an address.",
      "RFC 5321 §5.1");

  private final FindingDefinition definition;

  MxFinding(Severity severity, String remediation, String reference) {
    this.definition = new FindingDefinition(name(), severity, remediation, reference);
  }

  @Override
  public FindingDefinition definition() {
    return definition;
  }
}
