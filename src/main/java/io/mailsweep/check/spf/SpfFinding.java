package io.mailsweep.check.spf;

import io.mailsweep.check.FindingDefinition;
import io.mailsweep.check.FindingType;
import io.mailsweep.check.Severity;

/** The SPF findings and what to do about each. */
public enum SpfFinding implements FindingType {
  SPF_MISSING(Severity.HIGH,
      "Publish one TXT record starting with \"v=spf1\" at the domain that lists the hosts allowed"
          + " to send its mail and ends in \"-all\" (or \"~all\" with DMARC at p=reject).",
      "RFC 7208 §4.5"),
  SPF_DOMAIN_NXDOMAIN(Severity.HIGH,
      "The domain does not exist in DNS. Check the vendor's domain in the input list; a"
          + " non-existent domain can be registered by anyone.",
      "RFC 7208 §4.3"),
  SPF_MULTIPLE_RECORDS(Severity.HIGH,
      "Merge the SPF records into one: with several \"v=spf1\" records receivers must return"
          + " permerror and ignore SPF entirely.",
      "RFC 7208 §4.5"),
  SPF_SYNTAX_ERROR(Severity.HIGH,
      "Correct the record's syntax: a single malformed term makes receivers return permerror for"
          + " the whole record.",
      "RFC 7208 §4.6"),
  SPF_TOO_MANY_LOOKUPS(Severity.HIGH,
      "Reduce the DNS-querying terms (include, a, mx, ptr, exists, redirect, counted through"
          + " nested includes) to 10 or fewer: replace includes by ip4/ip6 ranges or drop unused"
          + " senders. Past 10, receivers return permerror.",
      "RFC 7208 §4.6.4"),
  SPF_TOO_MANY_VOID_LOOKUPS(Severity.HIGH,
      "Remove terms that point at names without records: more than 2 such void lookups make"
          + " receivers return permerror.",
      "RFC 7208 §4.6.4"),
  SPF_PASS_ALL(Severity.CRITICAL,
      "Replace \"+all\" with \"-all\": \"+all\" authorises every host on the internet to send"
          + " mail as the domain.",
      "RFC 7208 §5.1"),
  SPF_NEUTRAL_ALL(Severity.HIGH,
      "Replace \"?all\" with \"-all\" (or \"~all\" while DMARC reports are reviewed): \"?all\""
          + " asserts nothing about unlisted senders.",
      "RFC 7208 §5.1"),
  SPF_NO_ALL(Severity.HIGH,
      "End the record with \"-all\" (or a redirect=): without it unlisted senders get the result"
          + " neutral, which protects nothing.",
      "RFC 7208 §4.7"),
  SPF_SOFTFAIL_ALL(Severity.LOW,
      "\"~all\" only marks unlisted senders as suspicious. Move to \"-all\", or rely on DMARC at"
          + " p=reject to enforce.",
      "RFC 7208 §8.5"),
  SPF_BROAD_RANGE(Severity.MEDIUM,
      "Authorise only the addresses that really send the domain's mail: a range wider than /16"
          + " (IPv4) or /32 (IPv6) usually includes hosts the domain does not control.",
      "RFC 7208 §5.6"),
  SPF_ALLOWS_EVERYONE(Severity.CRITICAL,
      "Remove the range: it covers a large part of the address space (such as 0.0.0.0/0), which"
          + " authorises almost any host to send as the domain.",
      "RFC 7208 §5.6"),
  SPF_PTR_USED(Severity.MEDIUM,
      "Replace the ptr mechanism with ip4/ip6 or a: ptr is slow, unreliable and deprecated;"
          + " receivers may skip it.",
      "RFC 7208 §5.5"),
  SPF_RR_TYPE_USED(Severity.LOW,
      "Remove the SPF-type (99) resource record: only TXT records are used; keeping both invites"
          + " them to drift apart.",
      "RFC 7208 §3.1, §14.1"),
  SPF_NEEDS_TCP(Severity.LOW,
      "Shorten the TXT answer below 512 bytes: larger answers need TCP or EDNS, and some"
          + " receivers' resolvers fail on them, which makes SPF temperror.",
      "RFC 7208 §3.4"),
  SPF_INCLUDE_NXDOMAIN(Severity.HIGH,
      "Remove or correct the include: its domain does not exist, which is a void lookup and makes"
          + " receivers return permerror when they reach it.",
      "RFC 7208 §5.2"),
  SPF_INCLUDE_NO_RECORD(Severity.HIGH,
      "Remove or correct the include: its domain has no SPF record, which makes receivers return"
          + " permerror when they reach it.",
      "RFC 7208 §5.2"),
  SPF_INCLUDE_LOOP(Severity.HIGH,
      "Break the include/redirect loop: a domain that includes itself, directly or through"
          + " others, exhausts the lookup limit and yields permerror.",
      "RFC 7208 §4.6.4"),
  SPF_EXPECTED_SENDER_NOT_PASSED(Severity.MEDIUM,
      "Authorise the address in the SPF policy (ip4/ip6 or the provider's include), or correct the"
          + " vendor's list of sending addresses: mail from it will not pass SPF.",
      "RFC 7208 §2.6.1"),
  SPF_REDIRECT_IGNORED(Severity.INFO,
      "Remove the redirect= modifier or the all mechanism: with \"all\" present, redirect= is"
          + " never used.",
      "RFC 7208 §6.1");

  private final FindingDefinition definition;

  SpfFinding(Severity severity, String remediation, String reference) {
    this.definition = new FindingDefinition(name(), severity, remediation, reference);
  }

  @Override
  public FindingDefinition definition() {
    return definition;
  }
}
