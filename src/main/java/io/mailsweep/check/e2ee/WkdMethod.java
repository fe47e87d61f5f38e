package io.mailsweep.check.e2ee;

import io.mailsweep.domain.DomainName;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The two ways of forming WKD URLs (draft-koch-openpgp-webkey-service §3.1): the advanced method
 * on {@code openpgpkey.<domain>} with the domain in the path, used when that host has an address,
 * else the direct method on the domain itself. Pure.
 */
public enum WkdMethod {
  ADVANCED,
  DIRECT;

  /** §3.1: the fixed sub-domain of the advanced method. */
  public static final String SUBDOMAIN = "openpgpkey";

  static final String WELL_KNOWN = "/.well-known/openpgpkey";

  /** The host the URLs of {@code domain} name. */
  public DomainName host(DomainName domain) {
    return this == ADVANCED ? DomainName.of(SUBDOMAIN + "." + domain.text()) : domain;
  }

  /** §4.5: the policy flags file, {@code WELLKNOWN/policy}. */
  public String policyPath(DomainName domain) {
    return base(domain) + "/policy";
  }

  /** §3.1: {@code WELLKNOWN/hu/<z-base-32 SHA-1>?l=<percent-encoded local part>}. */
  public String keyPath(ContactAddress address) {
    return base(address.domain()) + "/hu/" + LocalPartHashes.wkd(address.localPart()) + "?l="
        + percentEncode(address.localPart());
  }

  private String base(DomainName domain) {
    return this == ADVANCED ? WELL_KNOWN + "/" + domain.text() : WELL_KNOWN;
  }

  /** RFC 3986 §2.1 on UTF-8 octets, leaving only the unreserved characters of §2.3 as they are. */
  static String percentEncode(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~';
      if (unreserved) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** Lower case for reports. */
  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }
}
