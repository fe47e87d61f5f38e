package io.mailsweep.check.spf;

import java.net.InetAddress;

/** Prefix comparison of two addresses of the same family (RFC 7208 §5.6). */
final class Cidr {
  private Cidr() {}

  /** Whether {@code address} lies in {@code network}/{@code prefix}; false across families. */
  static boolean contains(InetAddress network, int prefix, InetAddress address) {
    byte[] a = network.getAddress();
    byte[] b = address.getAddress();
    if (a.length != b.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (a[i] != b[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (a[full] & mask) == (b[full] & mask);
  }
}
