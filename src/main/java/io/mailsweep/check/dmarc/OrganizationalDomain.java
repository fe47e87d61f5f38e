package io.mailsweep.check.dmarc;

import com.google.common.net.InternetDomainName;
import io.mailsweep.domain.DomainName;

/**
 * The Organizational Domain of RFC 7489 §3.2: the public suffix of a name plus one label, with the
 * public suffix taken from the Public Suffix List that Guava's {@link InternetDomainName} carries
 * (ICANN and private sections, as §3.2 uses the whole list). Never "the last two labels": that
 * would make {@code vendor.co.uk} the organizational domain of every {@code *.co.uk}.
 *
 * <p>A name under no suffix of the list (an unlisted TLD such as the lab's {@code .test}) gets the
 * list's default rule {@code *}: its last label is its public suffix, so the organizational domain
 * of {@code sub.vendor.test} is {@code vendor.test}. A name that is itself a public suffix is its
 * own organizational domain. The list is the one in the Guava version on the classpath; its date
 * is that release's.
 */
public final class OrganizationalDomain {
  private OrganizationalDomain() {}

  public static DomainName of(DomainName domain) {
    int suffix = publicSuffixLabels(domain.text());
    return domain.labelCount() <= suffix ? domain : lastLabels(domain, suffix + 1);
  }

  /**
   * The number of labels of the name's public suffix. Guava accepts host names only, so labels
   * such as {@code _dmarc} are dropped from the left until it does; where no rule matches, the
   * default rule {@code *} makes it one.
   */
  private static int publicSuffixLabels(String text) {
    String s = text;
    while (true) {
      try {
        InternetDomainName name = InternetDomainName.from(s);
        return name.hasPublicSuffix() ? name.publicSuffix().parts().size() : 1;
      } catch (IllegalArgumentException notAHostName) {
        int dot = s.indexOf('.');
        if (dot < 0) {
          return 1;
        }
        s = s.substring(dot + 1);
      }
    }
  }

  /** Whether two names share an organizational domain (RFC 7489 §3.1 relaxed alignment, §7.1). */
  public static boolean same(DomainName a, DomainName b) {
    return of(a).equals(of(b));
  }

  private static DomainName lastLabels(DomainName domain, int labels) {
    String text = domain.text();
    int cut = text.length();
    for (int i = 0; i < labels; i++) {
      cut = text.lastIndexOf('.', cut - 1);
    }
    return DomainName.of(text.substring(cut + 1));
  }
}
