package io.mailsweep.net;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

/**
 * The special-purpose address ranges (RFC 6890 and the IANA registries it created) that a scanner
 * must not be pointed at by third-party DNS: its own host, its private networks, cloud metadata
 * services, multicast. Pure classification, no I/O. IPv6 forms that embed an IPv4 address
 * (IPv4-mapped, 6to4, NAT64, Teredo) are judged by the embedded address.
 */
public final class AddressClass {

  /** One special range and what it is, for the report. */
  record Special(CidrRange range, String name) {}

  private static final List<Special> IPV4 = List.of(
      special("0.0.0.0/8", "\"this network\" (RFC 791)"),
      special("10.0.0.0/8", "private (RFC 1918)"),
      special("100.64.0.0/10", "shared CGNAT (RFC 6598)"),
      special("127.0.0.0/8", "loopback (RFC 1122)"),
      special("169.254.0.0/16", "link-local, cloud metadata (RFC 3927)"),
      special("172.16.0.0/12", "private (RFC 1918)"),
      special("192.0.0.0/24", "IETF protocol assignments (RFC 6890)"),
      special("192.0.2.0/24", "documentation TEST-NET-1 (RFC 5737)"),
      special("192.88.99.0/24", "6to4 relay anycast (RFC 7526)"),
      special("192.168.0.0/16", "private (RFC 1918)"),
      special("198.18.0.0/15", "benchmarking (RFC 2544)"),
      special("198.51.100.0/24", "documentation TEST-NET-2 (RFC 5737)"),
      special("203.0.113.0/24", "documentation TEST-NET-3 (RFC 5737)"),
      special("224.0.0.0/4", "multicast (RFC 5771)"),
      special("240.0.0.0/4", "reserved (RFC 1112)"));

  private static final List<Special> IPV6 = List.of(
      special("::/128", "unspecified (RFC 4291)"),
      special("::1/128", "loopback (RFC 4291)"),
      special("100::/64", "discard-only (RFC 6666)"),
      special("2001:2::/48", "benchmarking (RFC 5180)"),
      special("2001:db8::/32", "documentation (RFC 3849)"),
      special("2001:10::/28", "ORCHID (RFC 4843)"),
      special("fc00::/7", "unique local, private (RFC 4193)"),
      special("fe80::/10", "link-local (RFC 4291)"),
      special("fec0::/10", "site-local, deprecated (RFC 3879)"),
      special("ff00::/8", "multicast (RFC 4291)"));

  private AddressClass() {}

  /** What kind of special-purpose address {@code address} is, or null for a global one. */
  public static String special(InetAddress address) {
    InetAddress effective = embeddedIpv4(address);
    for (Special s : effective instanceof Inet4Address ? IPV4 : IPV6) {
      if (s.range().contains(effective)) {
        return s.name();
      }
    }
    return null;
  }

  /** The IPv4 address an IPv6 address stands for (mapped, compatible, 6to4, NAT64, Teredo), else itself. */
  static InetAddress embeddedIpv4(InetAddress address) {
    if (!(address instanceof Inet6Address v6)) {
      return address;
    }
    byte[] b = v6.getAddress();
    if (isMapped(b)) {
      return v4(b, 12);
    }
    if (InetAddresses.hasEmbeddedIPv4ClientAddress(v6)) {
      return InetAddresses.getEmbeddedIPv4ClientAddress(v6);
    }
    if (NAT64.contains(v6)) {
      return v4(b, 12);
    }
    return address;
  }

  private static final CidrRange NAT64 = CidrRange.parse("64:ff9b::/96");

  /** ::ffff:a.b.c.d (RFC 4291 §2.5.5.2); Java usually returns these as Inet4Address already. */
  private static boolean isMapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
  }

  private static InetAddress v4(byte[] b, int offset) {
    byte[] four = {b[offset], b[offset + 1], b[offset + 2], b[offset + 3]};
    try {
      return InetAddress.getByAddress(four);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Special special(String cidr, String name) {
    return new Special(CidrRange.parse(cidr), name);
  }
}
