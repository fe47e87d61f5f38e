package io.mailsweep.check.mtasts;

import io.mailsweep.check.FindingDefinition;
import io.mailsweep.check.FindingType;
import io.mailsweep.check.Severity;

/** The MTA-STS findings and what to do about each. */
public enum MtaStsFinding implements FindingType {
  MTASTS_MISSING(Severity.LOW,
      "MTA-STS is recommended, not required: serve a policy at https://mta-sts.<domain>/.well-known/mta-sts.txt"
          + " (version: STSv1, mode: testing at first, one mx: line per MX host, max_age) and publish a TXT"
          + " record at _mta-sts.<domain> such as \"v=STSv1; id=20240101\", with TLS-RPT, so that senders"
          + " refuse to deliver over unencrypted or unauthenticated connections.",
      "RFC 8461 §3"),
  MTASTS_MULTIPLE_RECORDS(Severity.MEDIUM,
      "Keep exactly one \"v=STSv1\" TXT record at _mta-sts.<domain>: with more than one, senders must"
          + " assume the domain has no MTA-STS policy.",
      "RFC 8461 §3.1"),
  MTASTS_RECORD_INVALID(Severity.MEDIUM,
      "Correct the TXT record: \"v=STSv1;\" first, then id= with 1 to 32 letters and digits, fields"
          + " separated by \";\" and no spaces around \"=\". Senders ignore a malformed record, so the"
          + " policy is never used.",
      "RFC 8461 §3.1"),
  MTASTS_POLICY_HOST_MISSING(Severity.MEDIUM,
      "Publish A/AAAA records (or a CNAME) for mta-sts.<domain> leading to the HTTPS server of the"
          + " policy: the TXT record announces a policy no sender can fetch, so MTA-STS is not in effect.",
      "RFC 8461 §3.3"),
  MTASTS_POLICY_HOST_SPECIAL_ADDRESS(Severity.MEDIUM,
      "Point mta-sts.<domain> at public addresses: it resolves only to private, loopback or other"
          + " special-purpose addresses that senders on the internet cannot reach, so no sender can fetch"
          + " the policy.",
      "RFC 8461 §3.3"),
  MTASTS_POLICY_NOT_SERVED(Severity.MEDIUM,
      "Serve the policy at https://mta-sts.<domain>/.well-known/mta-sts.txt with status 200: senders"
          + " accept no other status, so MTA-STS is not in effect.",
      "RFC 8461 §3.3"),
  MTASTS_POLICY_REDIRECT(Severity.MEDIUM,
      "Serve the policy itself with status 200 at mta-sts.<domain>: senders must not follow HTTP"
          + " redirects. Hosting elsewhere is fine through a CNAME for mta-sts.<domain>, with a"
          + " certificate for that name.",
      "RFC 8461 §3.3"),
  MTASTS_POLICY_TLS_FAILED(Severity.MEDIUM,
      "Serve the policy with a certificate for mta-sts.<domain> that is within its validity and chains"
          + " to a public root (send the intermediates): senders fetch the policy only over"
          + " authenticated HTTPS, so MTA-STS is not in effect.",
      "RFC 8461 §3.3"),
  MTASTS_POLICY_CONTENT_TYPE(Severity.MEDIUM,
      "Serve the policy file with \"Content-Type: text/plain\": senders reject other media types.",
      "RFC 8461 §3.2"),
  MTASTS_POLICY_TOO_LARGE(Severity.MEDIUM,
      "Serve only the policy, a few lines: senders stop reading above a size limit (64 KiB suggested),"
          + " and what is served there is larger, probably not the policy file at all.",
      "RFC 8461 §3.3"),
  MTASTS_POLICY_MALFORMED_RESPONSE(Severity.MEDIUM,
      "Fix the web server of mta-sts.<domain>: its response is not well-formed HTTP/1.1, so senders"
          + " cannot read the policy.",
      "RFC 8461 §3.3"),
  MTASTS_POLICY_INVALID(Severity.MEDIUM,
      "Correct the policy file: one \"key: value\" per line with version: STSv1, mode: enforce, testing"
          + " or none, max_age in seconds (at most 31557600) and one mx: line per MX host pattern."
          + " Senders discard an invalid policy, so MTA-STS is not in effect.",
      "RFC 8461 §3.2"),
  MTASTS_POLICY_WITHOUT_RECORD(Severity.MEDIUM,
      "Publish the TXT record at _mta-sts.<domain> (\"v=STSv1; id=<policy version>\"): senders look"
          + " for the policy only when the record exists, so the policy served at mta-sts.<domain> has"
          + " no effect.",
      "RFC 8461 §3.1"),
  MTASTS_MODE_TESTING(Severity.LOW,
      "Move to mode: enforce once TLS-RPT reports show senders delivering over validated TLS: in"
          + " testing mode senders report failures but still deliver without TLS or to hosts whose"
          + " certificates do not validate.",
      "RFC 8461 §5"),
  MTASTS_MODE_NONE(Severity.LOW,
      "mode: none withdraws MTA-STS and senders treat the domain as having no policy. If this is not a"
          + " deliberate removal, publish mode: testing or enforce with a new id.",
      "RFC 8461 §8.3"),
  MTASTS_MAX_AGE_LOW(Severity.LOW,
      "Raise max_age to at least 86400 (one day), better weeks (604800 or more): senders cache the"
          + " policy only that long, and each refresh is a chance for an attacker to strip it.",
      "RFC 8461 §3.2"),
  MTASTS_MX_NOT_COVERED(Severity.HIGH,
      "Add an mx: line matching this MX host to the policy (or correct the MX records): under mode"
          + " enforce senders refuse to deliver to MX hosts that match no mx pattern, so mail routed to"
          + " this host fails.",
      "RFC 8461 §4.1"),
  MTASTS_MX_NOT_COVERED_TESTING(Severity.MEDIUM,
      "Add an mx: line matching this MX host before moving to enforce: in testing mode senders still"
          + " deliver but report a failure; under enforce, mail to this host would fail.",
      "RFC 8461 §4.1"),
  MTASTS_MX_CERTIFICATE_INVALID(Severity.HIGH,
      "Give the MX host a certificate for its name, within its validity and chaining to a public"
          + " root: under mode enforce senders refuse to deliver to it, so mail to this host bounces or"
          + " queues.",
      "RFC 8461 §4.2"),
  MTASTS_MX_NO_TLS(Severity.HIGH,
      "Offer STARTTLS with a valid certificate on the MX host: under mode enforce senders deliver only"
          + " over validated TLS, so mail to this host fails.",
      "RFC 8461 §5"),
  MTASTS_MX_NOT_VERIFIED(Severity.INFO,
      "No action for the domain: the scanner could not test this MX address (see the detail), so"
          + " whether senders accept its certificate under enforce is not known.",
      "RFC 8461 §4.2");

  private final FindingDefinition definition;

  MtaStsFinding(Severity severity, String remediation, String reference) {
    this.definition = new FindingDefinition(name(), severity, remediation, reference);
  }

  @Override
  public FindingDefinition definition() {
    return definition;
  }
}
