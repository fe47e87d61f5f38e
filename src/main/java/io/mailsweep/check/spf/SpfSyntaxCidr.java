package io.mailsweep.check.spf;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CIDR lengths at the end of a mechanism (RFC 7208 §5.6), -1 where absent.
 *
 * <pre>
 * ip4-cidr-length  = "/" ("0" / %x31-39 0*1DIGIT) ; value range 0-32
 * ip6-cidr-length  = "/" ("0" / %x31-39 0*2DIGIT) ; value range 0-128
 * dual-cidr-length = [ ip4-cidr-length ] [ "/" ip6-cidr-length ]
 * </pre>
 *
 * @param head what precedes the lengths
 */
record SpfSyntaxCidr(String head, int ip4Prefix, int ip6Prefix) {
  /**
   * Since a domain-spec ends in a toplabel or a macro-expand, a trailing "/" DIGITS can only be
   * a CIDR length: stripping it before reading the domain-spec loses no valid record.
   */
  private static final Pattern DUAL = Pattern.compile("(?:/([0-9]+))?(?://([0-9]+))?$");

  /** The dual-cidr-length at the end of the text after "a" or "mx". */
  static SpfSyntaxResult<SpfSyntaxCidr> dual(String rest) {
    Matcher m = DUAL.matcher(rest);
    if (!m.find()) {
      throw new IllegalStateException("the pattern matches the empty end of any text");
    }
    String head = rest.substring(0, m.start());
    if (head.matches(".*/[0-9]+")) {
      return SpfSyntaxResult.error("invalid CIDR length '" + rest.substring(head.lastIndexOf('/'))
          + "' (a dual CIDR length is /ip4-length//ip6-length)");
    }
    return length(m.group(1), 32).then(ip4 -> length(m.group(2), 128)
        .then(ip6 -> SpfSyntaxResult.ok(new SpfSyntaxCidr(head, ip4, ip6))));
  }

  /**
   * A CIDR length: {@code digits} is null when absent (-1), else ASCII digits without a leading
   * zero (the suite's cidr4-032: RFC 7208's ABNF forbids it) and at most {@code max}.
   */
  static SpfSyntaxResult<Integer> length(String digits, int max) {
    if (digits == null) {
      return SpfSyntaxResult.ok(-1);
    }
    if (!digits.matches("[0-9]+")) {
      return SpfSyntaxResult.error("invalid CIDR length '/" + digits + "'");
    }
    if (digits.length() > 1 && digits.charAt(0) == '0') {
      return SpfSyntaxResult.error("CIDR length '/" + digits + "' has a leading zero");
    }
    if (digits.length() > 3 || Integer.parseInt(digits) > max) {
      return SpfSyntaxResult.error("CIDR length " + digits + " over " + max);
    }
    return SpfSyntaxResult.ok(Integer.parseInt(digits));
  }
}
