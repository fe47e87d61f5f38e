package io.mailsweep.check.dmarc;

import io.mailsweep.check.Finding;
import io.mailsweep.domain.DomainName;
import java.util.ArrayList;
import java.util.List;

/**
 * How strongly a readable record protects a domain: the policy that applies to it (p=, or sp=/np=
 * of the organizational domain's record), weakened by pct= below 100 (RFC 7489 §6.6.4) or t=y (DMARCbis), and, for a domain's own record, subdomain policies weaker than p=.
 */
final class DmarcStrength {
  private DmarcStrength() {}

  static List<Finding> findings(DmarcRecord r, DmarcRecord.Scope scope, DomainName domain, String where) {
    List<Finding> out = new ArrayList<>();
    DmarcPolicy requested = r.policyFor(scope);
    String applied = r.tagFor(scope) + "=" + requested.token() + " at " + where
        + (scope == DmarcRecord.Scope.DOMAIN ? "" : ", which applies to " + domain);
    if (requested == DmarcPolicy.NONE) {
      out.add(DmarcFinding.DMARC_POLICY_NONE.with(applied + ": monitoring only, failing mail is delivered"));
      return withSubdomains(out, r, scope, where);
    }
    String instead = " failing mail gets " + requested.lowered().token() + " instead of " + requested.token();
    if (r.pct() < 100) {
      out.add(DmarcFinding.DMARC_PCT_PARTIAL.with(applied + " with pct=" + r.pct() + ": " + (100 - r.pct())
          + "% of" + instead));
    }
    if (r.testing()) {
      out.add(DmarcFinding.DMARC_TEST_MODE.with(applied + " with t=y:" + instead));
    }
    return withSubdomains(out, r, scope, where);
  }

  private static List<Finding> withSubdomains(List<Finding> out, DmarcRecord r, DmarcRecord.Scope scope,
      String where) {
    if (scope != DmarcRecord.Scope.DOMAIN) {
      return out;
    }
    if (r.sp() != null && r.sp().weakerThan(r.p())) {
      out.add(weaker(r.sp()).with(where + ": sp=" + r.sp().token() + " is weaker than p=" + r.p().token()
          + ": subdomains are less protected than the domain"));
    }
    if (r.np() != null && r.np().weakerThan(r.subdomainPolicy())) {
      out.add(weaker(r.np()).with(where + ": np=" + r.np().token() + " is weaker than "
          + (r.sp() != null ? "sp=" : "p=") + r.subdomainPolicy().token()
          + ": names that do not exist are less protected than the domain"));
    }
    return out;
  }

  /** A subdomain policy of none leaves them open; a weaker enforcing one is advice. */
  private static DmarcFinding weaker(DmarcPolicy policy) {
    return policy.enforcing() ? DmarcFinding.DMARC_SUBDOMAIN_POLICY_WEAKER : DmarcFinding.DMARC_SUBDOMAIN_POLICY_NONE;
  }

  /**
   * E.g. "p=reject; pct=100", "p=reject; sp=none; pct=100; t=y", "sp=quarantine via vendor.test;
   * pct=100". sp= and np= are shown for a domain's own record when they differ from what they
   * inherit.
   */
  static String summary(DmarcRecord r, DmarcRecord.Scope scope, String via) {
    StringBuilder s = new StringBuilder(r.tagFor(scope)).append('=').append(r.policyFor(scope).token()).append(via);
    if (scope == DmarcRecord.Scope.DOMAIN && r.sp() != null && r.sp() != r.p()) {
      s.append("; sp=").append(r.sp().token());
    }
    if (scope == DmarcRecord.Scope.DOMAIN && r.np() != null && r.np() != r.subdomainPolicy()) {
      s.append("; np=").append(r.np().token());
    }
    s.append("; pct=").append(r.pct());
    if (r.testing()) {
      s.append("; t=y");
    }
    return s.toString();
  }
}
