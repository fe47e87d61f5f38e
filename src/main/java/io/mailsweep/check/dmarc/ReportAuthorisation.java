package io.mailsweep.check.dmarc;

import io.mailsweep.domain.DomainName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * External destination verification (RFC 7489 §7.1): a report destination whose host is in another
 * organizational domain than the policy's must be authorised by a "v=DMARC1" record at {@code
 * <policy domain>._report._dmarc.<destination host>}, or receivers send it nothing.
 */
public final class ReportAuthorisation {
  /**
   * External destinations verified per record. RFC 7489 §6.2 lets receivers cap destinations (they
   * must support two); past ten the rest are reported as unverified rather than looked up.
   */
  public static final int MAX_EXTERNAL_DESTINATIONS = 10;

  private ReportAuthorisation() {}

  /** The record's rua= and ruf= destinations outside the organizational domain of {@code policyDomain}. */
  public static List<ReportUri> external(DmarcRecord record, DomainName policyDomain) {
    List<ReportUri> out = new ArrayList<>();
    for (List<ReportUri> list : List.of(record.aggregate(), record.failure())) {
      list.stream().filter(u -> !OrganizationalDomain.same(u.host(), policyDomain)).forEach(out::add);
    }
    return out;
  }

  /** The names to look up for the external destinations, each once, at most the limit. */
  public static List<DomainName> namesToQuery(DmarcRecord record, DomainName policyDomain) {
    Set<DomainName> names = new LinkedHashSet<>();
    int counted = 0;
    for (ReportUri uri : external(record, policyDomain)) {
      DomainName name = name(policyDomain, uri.host());
      if (name != null && ++counted <= MAX_EXTERNAL_DESTINATIONS) {
        names.add(name);
      }
    }
    return List.copyOf(names);
  }

  /** {@code <policy domain>._report._dmarc.<host>}, or null when that is longer than a DNS name may be. */
  public static DomainName name(DomainName policyDomain, DomainName host) {
    String text = policyDomain.text() + "._report._dmarc." + host.text();
    return DomainName.problem(text) == null ? DomainName.of(text) : null;
  }
}
