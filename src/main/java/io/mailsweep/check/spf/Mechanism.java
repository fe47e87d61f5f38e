package io.mailsweep.check.spf;

import java.net.InetAddress;

/**
 * A directive: qualifier and mechanism (RFC 7208 §4.6.1, §5).
 *
 * @param domainSpec the unexpanded domain-spec (macro-string), or null when absent
 * @param network the address of ip4/ip6, else null
 * @param ip4Prefix the IPv4 CIDR length (ip4, a, mx), -1 when absent (meaning 32)
 * @param ip6Prefix the IPv6 CIDR length (ip6, a, mx), -1 when absent (meaning 128)
 */
public record Mechanism(
    Qualifier qualifier,
    MechanismType type,
    String domainSpec,
    InetAddress network,
    int ip4Prefix,
    int ip6Prefix,
    String text)
    implements Term {

  public int effectiveIp4Prefix() {
    return ip4Prefix < 0 ? 32 : ip4Prefix;
  }

  public int effectiveIp6Prefix() {
    return ip6Prefix < 0 ? 128 : ip6Prefix;
  }
}
