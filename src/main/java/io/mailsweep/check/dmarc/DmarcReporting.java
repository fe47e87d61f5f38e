package io.mailsweep.check.dmarc;

import io.mailsweep.check.Finding;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a record's reports reach anyone: rua= present, and every destination well-formed (the
 * parser's problems) and, when external, authorised (RFC 7489 §7.1). Pure: the authorisation
 * answers come in, keyed by name.
 *
 * @param findings DMARC_NO_RUA and DMARC_REPORT_DESTINATION_UNAUTHORISED findings
 * @param summary e.g. "rua ok", "rua 1/2 ok; ruf ok" or "no rua"
 * @param failure the authorisation lookup that failed, described; null if none did
 * @param notes evidence lines about destinations left unverified
 */
public record DmarcReporting(List<Finding> findings, String summary, String failure, List<String> notes) {

  public static DmarcReporting judge(DmarcRecord record, DomainName policyDomain, Map<DomainName, DnsAnswer> answers) {
    Judge judge = new Judge(policyDomain, answers);
    if (!record.has("rua")) {
      judge.findings.add(DmarcFinding.DMARC_NO_RUA.with("_dmarc." + policyDomain + " has no rua=: nobody receives"
          + " aggregate reports"));
    }
    String summary = judge.part(record, "rua", record.aggregate()) + judge.part(record, "ruf", record.failure());
    return new DmarcReporting(List.copyOf(judge.findings), summary.substring(2), judge.failure,
        List.copyOf(judge.notes));
  }

  private static final class Judge {
    private final DomainName policyDomain;
    private final Map<DomainName, DnsAnswer> answers;
    private final List<Finding> findings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String failure;
    private int external;
    private int unverified;

    Judge(DomainName policyDomain, Map<DomainName, DnsAnswer> answers) {
      this.policyDomain = policyDomain;
      this.answers = answers;
    }

    /**
     * "; rua ok", "; rua 1/2 ok" (delivered of written), "; rua 0/1 ok, 1 unverified" (lookup
     * failed), "; no rua"; "" for no ruf=.
     */
    String part(DmarcRecord record, String tag, List<ReportUri> uris) {
      TagList.Tag written = record.tags().stream().filter(t -> t.name().equals(tag)).findFirst().orElse(null);
      if (written == null) {
        return tag.equals("rua") ? "; no rua" : "";
      }
      unverified = 0;
      long delivered = uris.stream().filter(this::delivered).count();
      int total = written.value().split(",", -1).length;
      return "; " + tag + (delivered == total ? " ok" : " " + delivered + "/" + total + " ok")
          + (unverified == 0 ? "" : ", " + unverified + " unverified");
    }

    /** Whether receivers send reports to {@code uri}; records why not. */
    private boolean delivered(ReportUri uri) {
      if (OrganizationalDomain.same(uri.host(), policyDomain)) {
        return true;
      }
      String what = uri.tag() + " destination " + uri.text() + " is outside " + OrganizationalDomain.of(policyDomain);
      DomainName name = ReportAuthorisation.name(policyDomain, uri.host());
      if (name == null) {
        return unauthorised(what + " and its authorisation name would be longer than 253 characters");
      }
      if (++external > ReportAuthorisation.MAX_EXTERNAL_DESTINATIONS) {
        notes.add(";; " + what + ": not verified, past " + ReportAuthorisation.MAX_EXTERNAL_DESTINATIONS
            + " external destinations");
        unverified++;
        return false;
      }
      DnsAnswer answer = answers.get(name);
      if (answer == null || !answer.status().conclusive()) {
        unverified++;
        if (failure == null) {
          failure = "the TXT lookup of " + name + " failed: "
              + (answer == null ? "not asked" : answer.describe());
        }
        return false;
      }
      if (answer.records().stream().map(DnsRecord::joinedText).anyMatch(DmarcParser::isDmarc)) {
        return true;
      }
      return unauthorised(what + " and " + uri.host() + " does not authorise it: no v=DMARC1 record at " + name
          + " (" + answer.status() + ")");
    }

    private boolean unauthorised(String message) {
      findings.add(DmarcFinding.DMARC_REPORT_DESTINATION_UNAUTHORISED.with(message
          + "; receivers send these reports nowhere"));
      return false;
    }
  }
}
