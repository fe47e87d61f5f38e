package io.mailsweep.input;

/**
 * Recognises IP address literals by syntax alone: IPv4 dotted quads (RFC 791 text form as in
 * RFC 3986 §3.2.2 {@code IPv4address}) and IPv6 (RFC 4291 §2.2, with an optional RFC 6874 zone),
 * bare or in brackets. Never resolves anything.
 */
final class IpLiterals {
  private static final int IPV6_GROUPS = 8;

  private IpLiterals() {}

  static boolean isIpLiteral(String host) {
    if (host.length() > 2 && host.startsWith("[") && host.endsWith("]")) {
      String inner = host.substring(1, host.length() - 1);
      return isIpv6(inner) || isIpv4(inner);
    }
    return isIpv4(host) || isIpv6(host);
  }

  static boolean isIpv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !digits(part) || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  static boolean isIpv6(String text) {
    int zone = text.indexOf('%');
    String s = zone >= 0 ? text.substring(0, zone) : text;
    if (s.indexOf(':') < 0) {
      return false;
    }
    int gap = s.indexOf("::");
    if (gap < 0) {
      return groups(s, true) == IPV6_GROUPS;
    }
    if (s.indexOf("::", gap + 1) >= 0) {
      return false;
    }
    int head = groups(s.substring(0, gap), false);
    int tail = groups(s.substring(gap + 2), true);
    return head >= 0 && tail >= 0 && head + tail < IPV6_GROUPS;
  }

  /** 16-bit groups in a colon-separated run, an embedded IPv4 tail counting two; -1 if invalid. */
  private static int groups(String run, boolean mayEndInIpv4) {
    if (run.isEmpty()) {
      return 0;
    }
    String[] parts = run.split(":", -1);
    int count = 0;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (mayEndInIpv4 && i == parts.length - 1 && part.indexOf('.') >= 0) {
        return isIpv4(part) ? count + 2 : -1;
      }
      if (part.isEmpty() || part.length() > 4 || !hex(part)) {
        return -1;
      }
      count++;
    }
    return count;
  }

  private static boolean digits(String s) {
    return s.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static boolean hex(String s) {
    return s.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 0x80);
  }
}
