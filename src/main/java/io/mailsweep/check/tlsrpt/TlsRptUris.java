package io.mailsweep.check.tlsrpt;

import io.mailsweep.check.PercentDecoding;
import io.mailsweep.domain.DomainName;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rua= destination of a TLS-RPT record (RFC 8460 §3): {@code mailto:} (RFC 6068) with a
 * single address that has a domain, or {@code https:} as an absolute URL with a host. Pure syntax.
 */
final class TlsRptUris {
  private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):(.*)", Pattern.DOTALL);
  private static final Pattern LOCAL_PART = Pattern.compile("[^\\s@<>()\\[\\],;:\"\\\\]+");
  private static final Pattern HOST =
      Pattern.compile("(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern SIZE = Pattern.compile("![0-9]+[kmgtKMGT]?$");

  private TlsRptUris() {}

  /** Why {@code uri} is not a usable destination, or null when it is one. */
  static String problem(String uri) {
    if (uri.isEmpty()) {
      return "is empty (a stray comma?)";
    }
    Matcher m = SCHEME.matcher(uri);
    if (!m.matches()) {
      return "is not a URI (write mailto:address or https://host/path)";
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    if (scheme.equals("mailto")) {
      return mailtoProblem(m.group(2));
    }
    if (scheme.equals("https")) {
      return httpsProblem(uri);
    }
    return "uses the " + scheme + ": scheme; TLS-RPT reports go only to mailto: or https:";
  }

  private static String mailtoProblem(String rest) {
    if (SIZE.matcher(rest).find()) {
      // DMARC's "!size" suffix (RFC 7489 §6.4) is not part of TLS-RPT's URI grammar.
      return "has a DMARC-style size limit, which TLS-RPT does not define";
    }
    int q = rest.indexOf('?');
    String address = PercentDecoding.decode(q < 0 ? rest : rest.substring(0, q));
    if (address == null) {
      return "has a malformed %-escape";
    }
    int at = address.lastIndexOf('@');
    if (at <= 0 || !LOCAL_PART.matcher(address.substring(0, at)).matches()) {
      return "is not a single e-mail address";
    }
    String host = address.substring(at + 1);
    if (!HOST.matcher(host).matches() || DomainName.problem(host) != null) {
      return "has '" + host + "', which is not a domain name";
    }
    return null;
  }

  private static String httpsProblem(String uri) {
    URI parsed;
    try {
      parsed = new URI(uri);
    } catch (URISyntaxException e) {
      return "is not a valid URL (" + e.getReason() + ")";
    }
    String host = parsed.getHost();
    if (parsed.isOpaque() || host == null || host.isEmpty()) {
      return "has no host (write https://host/path)";
    }
    return null;
  }
}
