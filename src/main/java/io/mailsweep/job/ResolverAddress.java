package io.mailsweep.job;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Parses {@code IP}, {@code IP:PORT}, {@code [IPv6]:PORT} and bare IPv6 resolver addresses. */
public final class ResolverAddress {
  private ResolverAddress() {}

  /** @throws IllegalArgumentException naming the problem; host names are refused, never looked up */
  public static InetSocketAddress parse(String text) {
    String s = text.trim();
    String host = s;
    int port = 53;
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("resolver '" + text + "': missing ']'");
      }
      host = s.substring(1, close);
      if (close + 1 < s.length()) {
        port = port(text, s.substring(close + 1).replaceFirst("^:", ""));
      }
    } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
      host = s.substring(0, s.indexOf(':'));
      port = port(text, s.substring(s.indexOf(':') + 1));
    }
    if (!host.matches("[0-9.]+") && !host.contains(":")) {
      throw new IllegalArgumentException("resolver '" + text + "': give an IP address, not a host name");
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("resolver '" + text + "': not an IP address");
    }
  }

  private static int port(String text, String digits) {
    try {
      int p = Integer.parseInt(digits);
      if (p < 1 || p > 65535) {
        throw new NumberFormatException();
      }
      return p;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("resolver '" + text + "': port must be 1..65535");
    }
  }
}
