package io.mailsweep.check.dmarc;

import io.mailsweep.check.PercentDecoding;
import io.mailsweep.domain.DomainName;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The destination lists of rua= and ruf= (RFC 7489 §6.2, §6.4): {@code dmarc-uri *("," dmarc-uri)}
 * with {@code dmarc-uri = URI ["!" 1*DIGIT ["k" / "m" / "g" / "t"]]}. Commas and "!" inside a URI
 * must be percent-encoded, so the first "!" starts the size limit.
 */
final class ReportUris {
  private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):(.*)", Pattern.DOTALL);
  private static final Pattern SIZE = Pattern.compile("[0-9]+[kmgtKMGT]?");
  private static final Pattern LOCAL_PART = Pattern.compile("[^\\s@<>()\\[\\],;:\"\\\\]+");
  private static final Pattern HOST =
      Pattern.compile("(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  private ReportUris() {}

  /** Adds the well-formed mailto: destinations of {@code tag} to {@code out}, and problems to {@code problems}. */
  static void read(TagList.Tag tag, List<ReportUri> out, List<DmarcProblem> problems) {
    if (tag.value().isEmpty()) {
      problems.add(invalid(tag, "is empty"));
      return;
    }
    for (String part : tag.value().split(",", -1)) {
      String uri = part.trim();
      Issue issue = readOne(tag.name(), uri, out);
      if (issue != null) {
        problems.add(new DmarcProblem(issue.type(), tag.position(),
            tag.name() + " destination '" + uri + "' " + issue.text()));
      }
    }
  }

  private record Issue(DmarcFinding type, String text) {
    static Issue invalid(String text) {
      return new Issue(DmarcFinding.DMARC_INVALID_REPORT_URI, text);
    }
  }

  /** Reads one destination into {@code out}; returns why it is unusable, or null. */
  private static Issue readOne(String tag, String uri, List<ReportUri> out) {
    if (uri.isEmpty()) {
      return Issue.invalid("is empty (a stray comma?)");
    }
    int bang = uri.indexOf('!');
    String base = bang < 0 ? uri : uri.substring(0, bang);
    String size = bang < 0 ? null : uri.substring(bang + 1);
    if (size != null && !SIZE.matcher(size).matches()) {
      return Issue.invalid("has the size limit '!" + size + "', which is not digits followed by k, m, g or t");
    }
    Matcher m = SCHEME.matcher(base);
    if (!m.matches()) {
      return Issue.invalid("is not a URI (a report address is written mailto:" + base + ")");
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    if (!scheme.equals("mailto")) {
      return new Issue(DmarcFinding.DMARC_REPORT_URI_NOT_MAILTO,
          "uses the " + scheme + ": scheme; receivers only send reports to mailto:");
    }
    String address = PercentDecoding.decode(stripQuery(m.group(2)));
    if (address == null) {
      return Issue.invalid("has a malformed %-escape");
    }
    int at = address.lastIndexOf('@');
    if (at <= 0 || !LOCAL_PART.matcher(address.substring(0, at)).matches()) {
      return Issue.invalid("is not a single e-mail address");
    }
    String host = address.substring(at + 1);
    if (!HOST.matcher(host).matches() || DomainName.problem(host) != null) {
      return Issue.invalid("has '" + host + "', which is not a domain name");
    }
    out.add(new ReportUri(tag, uri, address, DomainName.of(host), size));
    return null;
  }

  private static String stripQuery(String s) {
    int q = s.indexOf('?');
    return q < 0 ? s : s.substring(0, q);
  }

  private static DmarcProblem invalid(TagList.Tag tag, String what) {
    return new DmarcProblem(DmarcFinding.DMARC_INVALID_REPORT_URI, tag.position(), tag.name() + "= " + what);
  }
}
