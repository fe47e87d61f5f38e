package io.mailsweep.check.spf;

import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.Dns;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsStatus;

/** The DNS port and the lookup counters of one check_host() run (RFC 7208 §4.6.4). */
final class SpfLookups {
  private final Dns dns;
  private final SpfLimits limits;
  private int terms;
  private int voids;

  SpfLookups(Dns dns, SpfLimits limits) {
    this.dns = dns;
    this.limits = limits;
  }

  Dns dns() {
    return dns;
  }

  SpfLimits limits() {
    return limits;
  }

  /** Counts a DNS-querying term; false once the limit is passed. */
  boolean countTerm() {
    return ++terms <= limits.dnsLookups();
  }

  Verdict limitExceeded() {
    return Verdict.error(SpfResult.PERMERROR,
        "more than " + limits.dnsLookups() + " DNS-querying terms (RFC 7208 §4.6.4)");
  }

  /** Counts an answer with no records; false once the void-lookup limit is passed. */
  boolean countVoid(DnsAnswer answer) {
    if (answer.status() == DnsStatus.NXDOMAIN || answer.status() == DnsStatus.NODATA) {
      return ++voids <= limits.voidLookups();
    }
    return true;
  }

  Match voidLimitExceeded() {
    return Match.permerror("more than " + limits.voidLookups() + " void lookups (RFC 7208 §4.6.4)");
  }

  int terms() {
    return terms;
  }

  int voids() {
    return voids;
  }

  /**
   * The name as a DNS name if it is a usable domain: valid syntax and more than one label (RFC
   * 7208 §4.3), else null.
   */
  static DomainName validDomain(String text) {
    if (text == null) {
      return null;
    }
    String s = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    if (DomainName.problem(s) != null || !s.contains(".")) {
      return null;
    }
    return DomainName.of(s);
  }
}
