package io.mailsweep.check.dmarc;

import io.mailsweep.domain.DomainName;
import java.util.ArrayList;
import java.util.List;

/**
 * What DMARC policy discovery (RFC 7489 §6.6.3) found for a domain: the records at {@code
 * _dmarc.<domain>}; when there are none there, those at the organizational domain; and when the
 * organizational record's np= could apply, whether the domain exists.
 *
 * @param organizational null unless asked (the domain had no record and is not its own
 *     organizational domain)
 * @param existence null unless asked (see {@link #existenceMatters(RecordSet)})
 */
public record DmarcDiscovery(
    DomainName domain,
    DomainName organizationalDomain,
    RecordSet own,
    RecordSet organizational,
    DomainExistence existence) {

  /** Whether discovery goes on to the organizational domain after {@code own} (§6.6.3 step 3). */
  public static boolean fallsBack(DomainName domain, DomainName organizationalDomain, RecordSet own) {
    return !own.failed() && own.records().isEmpty() && !domain.equals(organizationalDomain);
  }

  /**
   * Whether the existence of the domain changes the policy taken from {@code organizational}: it
   * holds one valid record whose np= differs from the policy for existing subdomains.
   */
  public static boolean existenceMatters(RecordSet organizational) {
    if (organizational.records().size() != 1) {
      return false;
    }
    DmarcParser.Parsed parsed = DmarcParser.parse(organizational.records().get(0));
    return parsed instanceof DmarcParser.Parsed.Valid valid && valid.record().np() != null
        && valid.record().np() != valid.record().subdomainPolicy();
  }

  /** The lookup that kept discovery from an answer, described; null if every lookup answered. */
  public String failure() {
    if (own.failed()) {
      return own.failure();
    }
    if (organizational != null && organizational.failed()) {
      return organizational.failure();
    }
    return existence == null ? null : existence.failure();
  }

  /** The records the policy comes from; null when neither name has any. */
  public RecordSet applicable() {
    if (!own.records().isEmpty()) {
      return own;
    }
    return organizational != null && !organizational.records().isEmpty() ? organizational : null;
  }

  /** Which of a record's policies applies to the domain, given where the record was found. */
  public DmarcRecord.Scope scope() {
    RecordSet set = applicable();
    if (set == null || set == own) {
      return DmarcRecord.Scope.DOMAIN;
    }
    return existence != null && !existence.failed() && !existence.exists() ? DmarcRecord.Scope.NON_EXISTENT
        : DmarcRecord.Scope.SUBDOMAIN;
  }

  public List<String> evidence() {
    List<String> lines = new ArrayList<>(own.evidence());
    if (organizational != null) {
      lines.addAll(organizational.evidence());
    }
    if (existence != null) {
      lines.addAll(existence.evidence());
    }
    return lines;
  }
}
