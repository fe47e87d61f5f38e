package io.mailsweep.check.dkim;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A selector to probe and where it came from. Names are lower-cased: DNS compares names without
 * regard to case, so {@code Selector1} and {@code selector1} are one probe.
 */
public record Selector(String name, Source source) {
  /**
   * RFC 6376 §3.1: dot-separated labels of letters, digits and hyphens; the underscore is accepted
   * as well, as the command line accepts it, since some signers use it.
   */
  private static final Pattern SYNTAX = Pattern.compile("[a-z0-9_-]{1,63}(\\.[a-z0-9_-]{1,63})*");

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
    return SYNTAX.matcher(s).matches()
        ? null
        : "is not a selector (RFC 6376 §3.1: dot-separated labels of letters, digits, '-' or '_')";
  }
}
