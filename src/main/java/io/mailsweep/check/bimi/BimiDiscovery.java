package io.mailsweep.check.bimi;

import io.mailsweep.check.dmarc.RecordSet;
import io.mailsweep.domain.DomainName;
import java.util.ArrayList;
import java.util.List;

/**
 * What BIMI assertion record discovery (draft-brand-indicators-for-message-identification-10 §7.2)
 * found for a domain with the "default" selector: the records at {@code default._bimi.<domain>},
 * and when there are none, those at the organizational domain.
 *
 * @param organizational null unless asked
 */
public record BimiDiscovery(DomainName domain, DomainName organizationalDomain, RecordSet own,
    RecordSet organizational) {

  public static final String SELECTOR = "default";

  /** Whether discovery goes on to the organizational domain after {@code own} (§7.2 step 6). */
  public static boolean fallsBack(DomainName domain, DomainName organizationalDomain, RecordSet own) {
    return !own.failed() && own.records().isEmpty() && !domain.equals(organizationalDomain);
  }

  /** The lookup that failed, described; null if every lookup answered. */
  public String failure() {
    if (own.failed()) {
      return own.failure();
    }
    return organizational != null && organizational.failed() ? organizational.failure() : null;
  }

  /** The records that apply; null when neither name has any. */
  public RecordSet applicable() {
    if (!own.records().isEmpty()) {
      return own;
    }
    return organizational != null && !organizational.records().isEmpty() ? organizational : null;
  }

  public List<String> evidence() {
    List<String> lines = new ArrayList<>(own.evidence());
    if (organizational != null) {
      lines.addAll(organizational.evidence());
    }
    return lines;
  }
}
