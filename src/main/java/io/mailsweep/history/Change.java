package io.mailsweep.history;

import java.util.Comparator;

/**
 * One difference between an earlier run and a later one.
 *
 * @param domain the domain, or for certificate changes the MX host name
 * @param check the check name ({@code dmarc}, {@code starttls}, ...), or null for a change of the
 *     whole domain
 * @param before the earlier value (a status, a policy, a finding code, ...), or null
 * @param after the later value, or null
 * @param detail one line of context: the check summaries, the mail server, ...; may be null
 */
public record Change(String domain, ChangeKind kind, String check, String before, String after, String detail) {

  /** The order within one domain: by kind, then check in catalogue order, then values. */
  static final Comparator<Change> WITHIN_DOMAIN = Comparator.comparing(Change::kind)
      .thenComparingInt(c -> CheckOrder.rank(c.check()))
      .thenComparing(c -> text(c.check()))
      .thenComparing(c -> text(c.before()))
      .thenComparing(c -> text(c.after()));

  private static String text(String s) {
    return s == null ? "" : s;
  }
}
