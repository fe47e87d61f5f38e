package io.mailsweep.check.dkim;

import java.util.Locale;

/**
 * A selector to probe and where it came from. Names are lower-cased: DNS compares names without
 * regard to case, so {@code Selector1} and {@code selector1} are one probe.
 */
public record Selector(String name, Source source) {

  /** Where a selector came from; the order is the order of probing and of the summary. */
  public enum Source {
    /** The input row's dkim_selectors column: the vendor told us. */
    DISCLOSED,
    /** The job's extra selectors (job file, --dkim-selectors). */
    JOB,
    /** The shipped catalogue of common selectors. */
    CATALOGUE
  }

  public Selector {
    name = name.toLowerCase(Locale.ROOT);
  }

  /** Why {@code text} cannot be a selector, or null when it can. */
  public static String problem(String text) {
    String s = text.toLowerCase(Locale.ROOT);
    if (s.contains("._domainkey") || s.startsWith("_domainkey")) {
      return "is a DNS name; give the selector alone (the part before ._domainkey)";
    }
    return wellFormed(s)
        ? null
        : "is not a selector (RFC 6376 §3.1: dot-separated labels of letters, digits, '-' or '_')";
  }

  /**
   * RFC 6376 §3.1: whether lower-cased {@code s} is dot-separated labels of 1 to 63 letters, digits,
   * hyphens or underscores (accepted as the command line accepts them: some signers use them). The
   * same test as the pattern {@code [a-z0-9_-]{1,63}(\.[a-z0-9_-]{1,63})*}, without a matcher per
   * call: every catalogue selector of every domain is checked.
   */
  static boolean wellFormed(String s) {
    int label = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        if (label == 0) {
          return false;
        }
        label = 0;
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
        if (++label > 63) {
          return false;
        }
      } else {
        return false;
      }
    }
    return label > 0;
  }
}
