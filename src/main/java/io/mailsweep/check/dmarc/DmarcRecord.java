package io.mailsweep.check.dmarc;

import java.util.List;

/**
 * A readable DMARC policy record (RFC 7489 §6.3 with the draft-ietf-dmarc-dmarcbis (DMARCbis) tags np, t and psd). Tags
 * that were absent or invalid hold their defaults; sp and np are null when absent.
 *
 * @param text the record as published (TXT strings joined)
 * @param tags every tag in record order, names lower-cased
 * @param pct 0..100, default 100
 * @param testing t=y
 * @param aggregate well-formed rua= mailto: destinations
 * @param failure well-formed ruf= mailto: destinations
 * @param psd y, n or u (default)
 */
public record DmarcRecord(
    String text,
    List<TagList.Tag> tags,
    DmarcPolicy p,
    DmarcPolicy sp,
    DmarcPolicy np,
    int pct,
    boolean testing,
    Alignment adkim,
    Alignment aspf,
    List<ReportUri> aggregate,
    List<ReportUri> failure,
    String fo,
    String rf,
    long ri,
    String psd) {

  /** Which of the record's policies applies to a domain. */
  public enum Scope {
    /** The record is the domain's own. */
    DOMAIN,
    /** The record is its organizational domain's and the domain exists (or np= does not matter). */
    SUBDOMAIN,
    /** The record is its organizational domain's and the domain does not exist (RFC 9091 §2.7). */
    NON_EXISTENT
  }

  public DmarcRecord {
    tags = List.copyOf(tags);
    aggregate = List.copyOf(aggregate);
    failure = List.copyOf(failure);
  }

  public boolean has(String tag) {
    return tags.stream().anyMatch(t -> t.name().equals(tag));
  }

  /** sp=, or p= without it. */
  public DmarcPolicy subdomainPolicy() {
    return sp != null ? sp : p;
  }

  /** np=, or the subdomain policy without it (draft-ietf-dmarc-dmarcbis (DMARCbis)). */
  public DmarcPolicy nonExistentPolicy() {
    return np != null ? np : subdomainPolicy();
  }

  public DmarcPolicy policyFor(Scope scope) {
    switch (scope) {
      case SUBDOMAIN:
        return subdomainPolicy();
      case NON_EXISTENT:
        return nonExistentPolicy();
      default:
        return p;
    }
  }

  /** The tag the policy for {@code scope} comes from: "p", "sp" or "np". */
  public String tagFor(Scope scope) {
    if (scope == Scope.NON_EXISTENT && np != null) {
      return "np";
    }
    return scope != Scope.DOMAIN && sp != null ? "sp" : "p";
  }

  /** Whether every failing message gets the requested policy: pct=100 and no test mode. */
  public boolean fullyApplied() {
    return pct == 100 && !testing;
  }
}
