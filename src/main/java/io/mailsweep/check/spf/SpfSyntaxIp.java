package io.mailsweep.check.spf;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The address literals of the ip4 and ip6 mechanisms (RFC 7208 §5.6), validated by hand and
 * converted from the validated bytes: no text reaches a resolver.
 */
final class SpfSyntaxIp {
  private static final Optional<InetAddress> NONE = Optional.empty();

  private SpfSyntaxIp() {}

  /** ip4-network = qnum "." qnum "." qnum "." qnum, each qnum 0-255 without leading zeros. */
  static Optional<InetAddress> ip4(String text) {
    byte[] bytes = ip4Bytes(text);
    return bytes == null ? NONE : Optional.of(fromBytes(bytes));
  }

  /**
   * ip6-network in any text form of RFC 4291 §2.2: eight groups, "::" once, and an embedded
   * dotted quad last. The result is an {@link Inet6Address} even for an IPv4-mapped address
   * (InetAddress.getByName would turn that into an Inet4Address, i.e. an ip4 network).
   */
  static Optional<InetAddress> ip6(String text) {
    byte[] bytes = ip6Bytes(text);
    if (bytes == null) {
      return NONE;
    }
    try {
      return Optional.of(Inet6Address.getByAddress(null, bytes, -1));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("16 bytes are always an IPv6 address", e);
    }
  }

  private static InetAddress fromBytes(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("4 bytes are always an IPv4 address", e);
    }
  }

  /** The four bytes, or null when {@code text} is not an ip4-network. */
  private static byte[] ip4Bytes(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      int q = qnum(parts[i]);
      if (q < 0) {
        return null;
      }
      bytes[i] = (byte) q;
    }
    return bytes;
  }

  /** qnum of RFC 7208 §5.6: 0-255 in ASCII digits without leading zeros, else -1. */
  private static int qnum(String s) {
    if (s.isEmpty() || s.length() > 3 || (s.length() > 1 && s.charAt(0) == '0')) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value <= 255 ? value : -1;
  }

  /** The sixteen bytes, or null when {@code text} is not an IPv6 address text. */
  private static byte[] ip6Bytes(String text) {
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    List<Integer> head = groups(gap < 0 ? text : text.substring(0, gap), gap < 0);
    List<Integer> tail = gap < 0 ? List.of() : groups(text.substring(gap + 2), true);
    if (head == null || tail == null) {
      return null;
    }
    int count = head.size() + tail.size();
    if (gap < 0 ? count != 8 : count > 7) {
      return null;
    }
    byte[] bytes = new byte[16];
    put(bytes, 0, head);
    put(bytes, 8 - tail.size(), tail);
    return bytes;
  }

  private static void put(byte[] bytes, int fromGroup, List<Integer> groups) {
    for (int i = 0; i < groups.size(); i++) {
      bytes[2 * (fromGroup + i)] = (byte) (groups.get(i) >> 8);
      bytes[2 * (fromGroup + i) + 1] = (byte) (groups.get(i) & 0xFF);
    }
  }

  /**
   * The 16-bit groups of a colon-separated run (one side of "::"), or null when malformed; a
   * dotted quad is allowed as the last piece of the address only and counts as two groups.
   */
  private static List<Integer> groups(String run, boolean endsAddress) {
    List<Integer> groups = new ArrayList<>();
    if (run.isEmpty()) {
      return groups;
    }
    String[] pieces = run.split(":", -1);
    for (int i = 0; i < pieces.length; i++) {
      boolean last = endsAddress && i == pieces.length - 1;
      if (last && pieces[i].indexOf('.') >= 0) {
        byte[] v4 = ip4Bytes(pieces[i]);
        if (v4 == null) {
          return null;
        }
        groups.add((v4[0] & 0xFF) << 8 | (v4[1] & 0xFF));
        groups.add((v4[2] & 0xFF) << 8 | (v4[3] & 0xFF));
      } else {
        int group = hex16(pieces[i]);
        if (group < 0) {
          return null;
        }
        groups.add(group);
      }
    }
    return groups;
  }

  /** 1-4 ASCII hex digits as a number, else -1. */
  private static int hex16(String s) {
    if (s.isEmpty() || s.length() > 4) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < s.length(); i++) {
      int digit = hexDigit(s.charAt(i));
      if (digit < 0) {
        return -1;
      }
      value = value << 4 | digit;
    }
    return value;
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }
}
