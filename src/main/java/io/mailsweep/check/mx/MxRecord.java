package io.mailsweep.check.mx;

import io.mailsweep.domain.DomainName;
import java.util.regex.Pattern;

/**
 * One MX record's data.
 *
 * @param exchange the target host; null for a null MX ("."), RFC 7505 §3
 */
record MxRecord(int preference, DomainName exchange) {
  private static final Pattern IPV4 = Pattern.compile("\\[?\\d{1,3}(\\.\\d{1,3}){3}\\]?");
  private static final Pattern IPV6 = Pattern.compile("\\[?(ipv6:)?[0-9a-f]*:[0-9a-f:.]*\\]?");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern PREFERENCE = Pattern.compile("\\d{1,5}");

  boolean isNull() {
    return exchange == null;
  }

  /** True when the target looks like an address rather than a host name (RFC 5321 §5.1). */
  boolean ipLiteral() {
    String s = exchange.toString();
    return IPV4.matcher(s).matches() || IPV6.matcher(s).matches();
  }

  /** Parses presentation data such as {@code 10 mx1.example.com.}; null when malformed. */
  static MxRecord parse(String data) {
    String[] parts = SPACES.split(data.trim());
    if (parts.length != 2 || !PREFERENCE.matcher(parts[0]).matches()) {
      return null;
    }
    int preference = Integer.parseInt(parts[0]);
    if (parts[1].equals(".")) {
      return new MxRecord(preference, null);
    }
    String name = parts[1].endsWith(".") ? parts[1].substring(0, parts[1].length() - 1) : parts[1];
    return DomainName.problem(name) == null ? new MxRecord(preference, DomainName.of(name)) : null;
  }
}
