package io.mailsweep.check.spf.conformance;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * IP address literals to addresses without any name lookup: dotted-quad IPv4 (RFC 791 text form)
 * and IPv6 (RFC 4291 §2.2, including {@code ::} and a trailing dotted quad).
 *
 * <p>An IPv4-mapped IPv6 literal stays an {@link Inet6Address}: {@code InetAddress.getByName} and
 * {@code getByAddress} would quietly turn it into an IPv4 address, and the suite's ip4mapped tests
 * exist to check that the evaluator itself treats it as IPv4 (RFC 7208 §5).
 */
final class HostLiteral {
  private HostLiteral() {}

  /**
   * @throws IllegalArgumentException when {@code text} is not an IPv4 or IPv6 literal
   */
  static InetAddress parse(String text) {
    try {
      if (text.indexOf(':') >= 0) {
        return Inet6Address.getByAddress(null, ipv6(text), -1);
      }
      return InetAddress.getByAddress(ipv4(text));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a 4- or 16-octet array is always an address", e);
    }
  }

  static byte[] ipv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      throw notLiteral(text);
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      if (!parts[i].matches("[0-9]{1,3}") || Integer.parseInt(parts[i]) > 255) {
        throw notLiteral(text);
      }
      out[i] = (byte) Integer.parseInt(parts[i]);
    }
    return out;
  }

  static byte[] ipv6(String text) {
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      throw notLiteral(text);
    }
    List<Integer> head = groups(gap < 0 ? text : text.substring(0, gap), text);
    List<Integer> tail = gap < 0 ? List.of() : groups(text.substring(gap + 2), text);
    int zeros = 8 - head.size() - tail.size();
    if (gap < 0 ? zeros != 0 : zeros < 1) {
      throw notLiteral(text);
    }
    byte[] out = new byte[16];
    int i = 0;
    for (int g : head) {
      out[i++] = (byte) (g >> 8);
      out[i++] = (byte) g;
    }
    i += 2 * zeros;
    for (int g : tail) {
      out[i++] = (byte) (g >> 8);
      out[i++] = (byte) g;
    }
    return out;
  }

  /** The 16-bit groups of one side of {@code ::}; a final dotted quad counts as two groups. */
  private static List<Integer> groups(String side, String text) {
    List<Integer> out = new ArrayList<>();
    if (side.isEmpty()) {
      return out;
    }
    String[] parts = side.split(":", -1);
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (i == parts.length - 1 && p.indexOf('.') >= 0) {
        byte[] v4 = ipv4(p);
        out.add((v4[0] & 0xff) << 8 | (v4[1] & 0xff));
        out.add((v4[2] & 0xff) << 8 | (v4[3] & 0xff));
      } else if (p.matches("[0-9A-Fa-f]{1,4}")) {
        out.add(Integer.parseInt(p, 16));
      } else {
        throw notLiteral(text);
      }
    }
    return out;
  }

  private static IllegalArgumentException notLiteral(String text) {
    return new IllegalArgumentException("not an IP address literal: '" + text + "'");
  }
}
