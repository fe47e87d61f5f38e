package io.mailsweep.input;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds the host in a value as vendors write it: a bare name, an e-mail address (plain, with a
 * display name, or as a {@code mailto:} URI) or a URL with or without a scheme.
 *
 * <p>Purely textual. The result is a candidate, not yet checked: it may be empty, an IP literal
 * ({@code [::1]}, {@code 192.0.2.1}) or anything else the value held where a host would be.
 */
final class HostExtractor {
  private static final Pattern SCHEME = Pattern.compile("^(?:[A-Za-z][A-Za-z0-9+.-]*:)?//");
  private static final String MAILTO = "mailto:";
  private static final String ENCLOSING_PAIRS = "\"\"''<>``“”‘’«»";
  private static final String FULL_WIDTH_DOTS = "。．｡";

  private HostExtractor() {}

  /** The candidate host in {@code value}; "" when there is none. */
  static String host(String value) {
    String s = displayAddress(stripEnclosing(clean(value)));
    s = withoutScheme(s);
    s = s.substring(0, endOfAuthority(s));
    s = s.substring(s.lastIndexOf('@') + 1);
    return withoutPort(s);
  }

  /**
   * {@code value} trimmed of whitespace (Unicode spaces such as NBSP included), control characters
   * and invisible format characters (zero-width space and joiners, BOM, direction marks), with the
   * ideographic and full-width full stops read as dots (as IDNA2003, RFC 3490 §3.1, does).
   */
  static String clean(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isBlank(value.charAt(start))) {
      start++;
    }
    while (end > start && isBlank(value.charAt(end - 1))) {
      end--;
    }
    StringBuilder s = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      char c = value.charAt(i);
      s.append(FULL_WIDTH_DOTS.indexOf(c) >= 0 ? '.' : c);
    }
    return s.toString();
  }

  static boolean isBlank(char c) {
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || Character.isISOControl(c)
        || Character.getType(c) == Character.FORMAT;
  }

  private static String stripEnclosing(String s) {
    String current = s;
    while (current.length() >= 2 && enclosed(current)) {
      current = clean(current.substring(1, current.length() - 1));
    }
    return current;
  }

  private static boolean enclosed(String s) {
    char first = s.charAt(0);
    char last = s.charAt(s.length() - 1);
    for (int i = 0; i < ENCLOSING_PAIRS.length(); i += 2) {
      if (first == ENCLOSING_PAIRS.charAt(i) && last == ENCLOSING_PAIRS.charAt(i + 1)) {
        return true;
      }
    }
    return false;
  }

  /** The address inside the angle brackets of {@code Jane Doe <ap@vendor.com>} (RFC 5322 §3.4). */
  private static String displayAddress(String s) {
    int open = s.lastIndexOf('<');
    int close = s.indexOf('>', open + 1);
    return open >= 0 && close > open ? clean(s.substring(open + 1, close)) : s;
  }

  private static String withoutScheme(String s) {
    if (s.regionMatches(true, 0, MAILTO, 0, MAILTO.length())) {
      return s.substring(MAILTO.length());
    }
    var scheme = SCHEME.matcher(s);
    return scheme.find() ? s.substring(scheme.end()) : s;
  }

  /** Where the authority of a URL ends (RFC 3986 §3.2): at the path, query or fragment. */
  private static int endOfAuthority(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        return i;
      }
    }
    return s.length();
  }

  /** {@code host:port} to {@code host}; IPv6 literals keep their brackets for the IP check. */
  private static String withoutPort(String s) {
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      return close < 0 ? s : s.substring(0, close + 1);
    }
    int colon = s.indexOf(':');
    if (colon < 0 || colon != s.lastIndexOf(':')) {
      return s;
    }
    String port = s.substring(colon + 1);
    return port.chars().allMatch(c -> c >= '0' && c <= '9') ? s.substring(0, colon) : s;
  }

  static String lowerCase(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
