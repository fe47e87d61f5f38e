package io.mailsweep.net;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * An address range in CIDR notation ({@code 127.0.25.0/24}, {@code fd00::/8}); a bare address is
 * a range of one. Parsed without any DNS lookup.
 */
public record CidrRange(InetAddress network, int prefix) {

  public CidrRange {
    int bits = network.getAddress().length * 8;
    if (prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException("prefix /" + prefix + " out of range for " + network.getHostAddress());
    }
    network = masked(network, prefix);
  }

  /** Parses {@code ADDRESS[/PREFIX]}; throws IllegalArgumentException with a readable message. */
  public static CidrRange parse(String text) {
    String t = text.trim();
    int slash = t.indexOf('/');
    String address = slash < 0 ? t : t.substring(0, slash);
    if (!InetAddresses.isInetAddress(address)) {
      throw new IllegalArgumentException("'" + text + "' is not an address range such as 127.0.25.0/24");
    }
    InetAddress a = InetAddresses.forString(address);
    int bits = a.getAddress().length * 8;
    if (slash < 0) {
      return new CidrRange(a, bits);
    }
    String p = t.substring(slash + 1);
    if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > bits) {
      throw new IllegalArgumentException("'" + text + "' has an invalid prefix length (0-" + bits + ")");
    }
    return new CidrRange(a, Integer.parseInt(p));
  }

  public boolean contains(InetAddress address) {
    if ((address instanceof Inet4Address) != (network instanceof Inet4Address)) {
      return false;
    }
    return Arrays.equals(masked(address, prefix).getAddress(), network.getAddress());
  }

  @Override
  public String toString() {
    return InetAddresses.toAddrString(network) + "/" + prefix;
  }

  private static InetAddress masked(InetAddress address, int prefix) {
    byte[] b = address.getAddress();
    for (int i = 0; i < b.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      b[i] = (byte) (b[i] & (0xff << (8 - keep)));
    }
    try {
      return InetAddress.getByAddress(b);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException("address of " + b.length + " bytes", e);
    }
  }
}
