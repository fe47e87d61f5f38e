package io.mailsweep.check.dmarc;

import io.mailsweep.check.FindingDefinition;
import io.mailsweep.check.FindingType;
import io.mailsweep.check.Severity;

/**
 * The DMARC findings and what to do about each. HIGH means no policy applies; MEDIUM a policy that
 * is weak or partly ignored; LOW and INFO are advice that leaves the status alone.
 */
public enum DmarcFinding implements FindingType {
  DMARC_MISSING(Severity.HIGH,
      "Publish a TXT record at _dmarc.<domain> starting with \"v=DMARC1; p=none;\" and a rua="
          + " address, watch the reports, then move to p=quarantine and p=reject.",
      "RFC 7489 §6.1"),
  DMARC_MULTIPLE_RECORDS(Severity.HIGH,
      "Keep exactly one \"v=DMARC1\" record at _dmarc.<domain>: with several, receivers apply no"
          + " DMARC policy at all.",
      "RFC 7489 §6.6.3"),
  DMARC_INVALID(Severity.HIGH,
      "Fix the record's syntax: it must start with exactly \"v=DMARC1\", write every tag once as"
          + " name=value separated by semicolons, and carry a p= (and any sp=) whose value is none,"
          + " quarantine or reject. Receivers apply no policy from a record they cannot read.",
      "RFC 7489 §6.3, §6.6.3"),
  DMARC_POLICY_NONE(Severity.MEDIUM,
      "p=none only monitors: once the aggregate reports show all legitimate mail aligned, raise"
          + " the policy to p=quarantine and then p=reject.",
      "RFC 7489 §6.3"),
  DMARC_PCT_PARTIAL(Severity.MEDIUM,
      "Remove pct= or set pct=100: below 100, receivers apply the next weaker policy to the rest of"
          + " the failing mail (quarantine instead of reject, nothing instead of quarantine).",
      "RFC 7489 §6.6.4"),
  DMARC_TEST_MODE(Severity.MEDIUM,
      "Remove t=y once the reports are clean: in test mode receivers apply the next weaker policy"
          + " to failing mail.",
      "draft-ietf-dmarc-dmarcbis (DMARCbis)"),
  DMARC_SUBDOMAIN_POLICY_NONE(Severity.MEDIUM,
      "Raise sp= (and np=) to quarantine or reject, or remove them so that p= covers subdomains"
          + " too: with sp=none or np=none anyone can send as <anything>.<domain>.",
      "RFC 7489 §6.3; draft-ietf-dmarc-dmarcbis (DMARCbis)"),
  DMARC_SUBDOMAIN_POLICY_WEAKER(Severity.LOW,
      "Consider raising sp= (and np=) to the level of p=: subdomains get a weaker, though still"
          + " enforcing, policy than the domain.",
      "RFC 7489 §6.3; draft-ietf-dmarc-dmarcbis (DMARCbis)"),
  DMARC_NO_RUA(Severity.LOW,
      "Add rua=mailto:<address> so that receivers send aggregate reports: without them nobody sees"
          + " spoofing or legitimate mail that fails.",
      "RFC 7489 §6.3, §7.2"),
  DMARC_INVALID_REPORT_URI(Severity.MEDIUM,
      "Write each rua=/ruf= destination as mailto:<address>, separated by commas, with an optional"
          + " size limit such as !10m; receivers skip a destination they cannot parse.",
      "RFC 7489 §6.2"),
  DMARC_REPORT_URI_NOT_MAILTO(Severity.MEDIUM,
      "Use a mailto: destination: receivers only have to support mailto: and ignore the others,"
          + " so these reports are never sent.",
      "RFC 7489 §6.3"),
  DMARC_REPORT_DESTINATION_UNAUTHORISED(Severity.MEDIUM,
      "Ask the report receiver to publish \"v=DMARC1\" at <domain>._report._dmarc.<receiver>"
          + " (or a wildcard *._report._dmarc.<receiver>), or send reports to an address in the"
          + " domain's own organizational domain: receivers drop reports to unauthorised external"
          + " destinations without telling anyone.",
      "RFC 7489 §7.1"),
  DMARC_INVALID_PCT(Severity.MEDIUM,
      "Write pct= as a whole number from 0 to 100, or remove it; receivers ignore an invalid value.",
      "RFC 7489 §6.3"),
  DMARC_INVALID_RI(Severity.MEDIUM,
      "Write ri= as a number of seconds (e.g. 86400), or remove it; receivers ignore an invalid"
          + " value.",
      "RFC 7489 §6.3"),
  DMARC_INVALID_RF(Severity.MEDIUM,
      "Write rf=afrf or remove rf=: afrf is the only failure report format.",
      "RFC 7489 §6.3"),
  DMARC_INVALID_FO(Severity.MEDIUM,
      "Write fo= as a colon-separated list of 0, 1, d and s, or remove it.",
      "RFC 7489 §6.3"),
  DMARC_INVALID_ALIGNMENT(Severity.MEDIUM,
      "Write adkim= and aspf= as r (relaxed) or s (strict), or remove them.",
      "RFC 7489 §6.3"),
  DMARC_INVALID_NP(Severity.MEDIUM,
      "Write np= as none, quarantine or reject, or remove it; receivers ignore an invalid value and"
          + " use sp= or p=.",
      "draft-ietf-dmarc-dmarcbis (DMARCbis)"),
  DMARC_INVALID_T(Severity.MEDIUM,
      "Write t= as y or n, or remove it.",
      "draft-ietf-dmarc-dmarcbis (DMARCbis)"),
  DMARC_INVALID_PSD(Severity.MEDIUM,
      "Write psd= as y, n or u, or remove it (only public suffix operators need it).",
      "draft-ietf-dmarc-dmarcbis (DMARCbis)"),
  DMARC_UNKNOWN_TAG(Severity.INFO,
      "Check the tag's spelling: receivers ignore tags DMARC does not define.",
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
