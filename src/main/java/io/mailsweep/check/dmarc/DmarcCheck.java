package io.mailsweep.check.dmarc;

import io.mailsweep.check.Check;
import io.mailsweep.check.CheckResult;
import io.mailsweep.check.ScanTarget;
import io.mailsweep.check.DnsEvidence;
import io.mailsweep.check.Finding;
import io.mailsweep.check.Status;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.Dns;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsRecord;
import io.mailsweep.net.dns.RecordType;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Finds and reads the domain's DMARC record at {@code _dmarc.<domain>} (RFC 7489 §6.6.3). */
public final class DmarcCheck implements Check {
  public static final String NAME = "dmarc";

  private final Dns dns;

  public DmarcCheck(Dns dns) {
    this.dns = dns;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletableFuture<CheckResult> run(ScanTarget target) {
    DomainName domain = target.domain();
    return dns.query(domain.prepend("_dmarc"), RecordType.TXT).thenApply(DmarcCheck::judge);
  }

  static CheckResult judge(DnsAnswer answer) {
    List<String> evidence = DnsEvidence.of(answer);
    if (!answer.status().conclusive()) {
      return CheckResult.inconclusive(NAME, answer.describe(), evidence);
    }
    List<String> records =
        answer.records().stream().map(DnsRecord::joinedText).filter(DmarcParser::isDmarc).toList();
    if (records.isEmpty()) {
      return result(Status.FAIL, "none", DmarcFinding.DMARC_MISSING.with("No DMARC record at " + answer.name()), evidence);
    }
    if (records.size() > 1) {
      return result(Status.FAIL, "invalid: " + records.size() + " records",
          DmarcFinding.DMARC_MULTIPLE_RECORDS.with(records.size() + " DMARC records at " + answer.name()), evidence);
    }
    DmarcParser.Parsed parsed = DmarcParser.parse(records.get(0));
    if (parsed instanceof DmarcParser.Parsed.Valid valid) {
      return judgePolicy(valid.record(), evidence);
    }
    String reason = ((DmarcParser.Parsed.Invalid) parsed).reason();
    return result(Status.FAIL, "invalid",
        DmarcFinding.DMARC_INVALID.with("Invalid DMARC record: " + reason), evidence);
  }

  private static CheckResult judgePolicy(DmarcRecord record, List<String> evidence) {
    String summary = "p=" + record.policy();
    if (record.policy().equals("none")) {
      return result(Status.WARN, summary, DmarcFinding.DMARC_POLICY_NONE.with("DMARC policy is p=none (monitoring only)"), evidence);
    }
    return new CheckResult(NAME, Status.PASS, summary, null, List.of(), evidence);
  }

  private static CheckResult result(Status status, String summary, Finding finding, List<String> evidence) {
    return new CheckResult(NAME, status, summary, null, List.of(finding), evidence);
  }
}
