package io.mailsweep.check.mx;

import io.mailsweep.net.dns.DnsAnswer;

/**
 * The address answers for one MX host.
 *
 * @param a the A answer; null when the target is an IP literal and was not looked up
 * @param aaaa the AAAA answer; null when the target is an IP literal and was not looked up
 */
record HostLookup(MxRecord record, DnsAnswer a, DnsAnswer aaaa) {
  static HostLookup notLookedUp(MxRecord record) {
    return new HostLookup(record, null, null);
  }

  boolean lookedUp() {
    return a != null;
  }
}
