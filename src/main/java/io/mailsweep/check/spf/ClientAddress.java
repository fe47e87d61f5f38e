package io.mailsweep.check.spf;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** The client address as SPF sees it. */
final class ClientAddress {
  private static final byte[] MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};

  private ClientAddress() {}

  /** An IPv4-mapped IPv6 address (::ffff:a.b.c.d) as the IPv4 address it maps (RFC 7208 §5). */
  static InetAddress unmapped(InetAddress ip) {
    byte[] b = ip.getAddress();
    if (!(ip instanceof Inet6Address) || !Arrays.equals(Arrays.copyOf(b, 12), MAPPED_PREFIX)) {
      return ip;
    }
    try {
      return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are always an IPv4 address", e);
    }
  }
}
