package io.mailsweep.check.bimi;

import io.mailsweep.check.dmarc.DmarcDiscovery;
import io.mailsweep.check.dmarc.DmarcParser;
import io.mailsweep.check.dmarc.DmarcPolicy;
import io.mailsweep.check.dmarc.DmarcRecord;
import io.mailsweep.check.dmarc.RecordSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a domain's DMARC is at enforcement as BIMI requires (draft-brand-indicators-for-message-
 * identification-10 §7.1 items 7-9), for the record that applies to the domain and for its
 * organizational domain's own record: p= not none, no sp=none, and the policy applied to all mail
 * (pct=100, no DMARCbis t=y). The draft asks pct=100 of quarantine only (§7.1 item 9); the large
 * mailbox providers ask it of reject too, and so does this check.
 *
 * @param author discovery for the domain
 * @param organizational discovery for its organizational domain when the domain has its own
 *     record and is not its own organizational domain; else null
 */
public record BimiDmarc(DmarcDiscovery author, DmarcDiscovery organizational) {

  /** The DMARC lookup that failed, described; null if none did. */
  public String failure() {
    if (author.failure() != null) {
      return author.failure();
    }
    return organizational == null ? null : organizational.failure();
  }

  /** Why DMARC is not at enforcement for BIMI; empty when it is. */
  public List<String> shortfalls() {
    List<String> out = new ArrayList<>();
    DmarcRecord applied = record(author.applicable());
    if (applied == null) {
      out.add("no valid DMARC record applies to " + author.domain());
      return out;
    }
    check(applied, author.scope(), author.applicable(), out);
    DmarcRecord org = organizational == null ? null : record(organizational.own());
    if (org != null) {
      check(org, DmarcRecord.Scope.DOMAIN, organizational.own(), out);
    }
    return out;
  }

  private static void check(DmarcRecord r, DmarcRecord.Scope scope, RecordSet set, List<String> out) {
    String where = "_dmarc." + set.owner();
    if (r.p() == DmarcPolicy.NONE) {
      out.add(where + " has p=none");
    }
    if (r.sp() == DmarcPolicy.NONE) {
      out.add(where + " has sp=none");
    }
    DmarcPolicy policy = r.policyFor(scope);
    String tag = r.tagFor(scope);
    if (policy == DmarcPolicy.NONE && tag.equals("np")) {
      out.add(where + " has np=none, which applies to names that do not exist");
    } else if (policy.enforcing() && !r.fullyApplied()) {
      out.add(where + " applies " + tag + "=" + policy.token() + " to only part of the failing mail ("
          + (r.testing() ? "t=y" : "pct=" + r.pct()) + ")");
    }
  }

  /** The one valid record of a set, or null. */
  private static DmarcRecord record(RecordSet set) {
    if (set == null || set.records().size() != 1) {
      return null;
    }
    DmarcParser.Parsed parsed = DmarcParser.parse(set.records().get(0));
    return parsed instanceof DmarcParser.Parsed.Valid v ? v.record() : null;
  }

  public List<String> evidence() {
    List<String> lines = new ArrayList<>(author.evidence());
    if (organizational != null) {
      lines.addAll(organizational.evidence());
    }
    return lines;
  }
}
