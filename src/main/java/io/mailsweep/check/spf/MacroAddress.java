package io.mailsweep.check.spf;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The client address as the macros %{i}, %{c} and %{v} show it (RFC 7208 §7.3). An IPv4-mapped
 * IPv6 address (::ffff:a.b.c.d) is an IPv4 address here, as everywhere in SPF (§5).
 */
final class MacroAddress {
  private MacroAddress() {}

  /** %{v}: "in-addr" for IPv4, "ip6" for IPv6. */
  static String version(InetAddress ip) {
    return ipv4(ip) == null ? "ip6" : "in-addr";
  }

  /**
   * %{i}: IPv4 as a dotted quad, IPv6 as 32 dot-separated nibbles. RFC 7208 §7.3 leaves the
   * letter case open and DNS compares names case-insensitively; upper case is what the RFC 7208
   * test suite (and pyspf) expect in explanations.
   */
  static String forI(InetAddress ip) {
    byte[] v4 = ipv4(ip);
    if (v4 != null) {
      return dotted(v4);
    }
    StringJoiner nibbles = new StringJoiner(".");
    for (byte b : ip.getAddress()) {
      nibbles.add(Integer.toHexString((b >> 4) & 0xF).toUpperCase(Locale.ROOT))
          .add(Integer.toHexString(b & 0xF).toUpperCase(Locale.ROOT));
    }
    return nibbles.toString();
  }

  /** %{c}: IPv4 as a dotted quad, IPv6 in the text form of RFC 5952 §4. */
  static String forC(InetAddress ip) {
    byte[] v4 = ipv4(ip);
    return v4 != null ? dotted(v4) : rfc5952(ip.getAddress());
  }

  /** The four IPv4 bytes of an IPv4 or IPv4-mapped IPv6 address, else null. */
  private static byte[] ipv4(InetAddress ip) {
    byte[] b = ip.getAddress();
    if (b.length == 4) {
      return b;
    }
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return null;
      }
    }
    return b[10] == (byte) 0xFF && b[11] == (byte) 0xFF ? Arrays.copyOfRange(b, 12, 16) : null;
  }

  private static String dotted(byte[] b) {
    return (b[0] & 0xFF) + "." + (b[1] & 0xFF) + "." + (b[2] & 0xFF) + "." + (b[3] & 0xFF);
  }

  /**
   * Lower case, no leading zeros, the longest run of two or more zero groups (the first of equal
   * runs) as "::" (RFC 5952 §4.1–4.3).
   */
  static String rfc5952(byte[] b) {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = (b[2 * i] & 0xFF) << 8 | (b[2 * i + 1] & 0xFF);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; i++) {
      int length = 0;
      while (i + length < 8 && groups[i + length] == 0) {
        length++;
      }
      if (length > bestLength) {
        bestStart = i;
        bestLength = length;
      }
    }
    if (bestStart < 0) {
      return hex(groups, 0, 8);
    }
    return hex(groups, 0, bestStart) + "::" + hex(groups, bestStart + bestLength, 8);
  }

  private static String hex(int[] groups, int from, int to) {
    StringJoiner out = new StringJoiner(":");
    for (int i = from; i < to; i++) {
      out.add(Integer.toHexString(groups[i]).toLowerCase(Locale.ROOT));
    }
    return out.toString();
  }
}
