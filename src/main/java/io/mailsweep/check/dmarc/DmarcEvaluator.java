package io.mailsweep.check.dmarc;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.DnsEvidence;
import io.mailsweep.check.Finding;
import io.mailsweep.check.Severity;
import io.mailsweep.check.Status;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.DnsAnswer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A DMARC discovery and its authorisation answers as a check result: pure, no DNS.
 *
 * <p>No record, several records or an unreadable one fail. A readable record's findings decide:
 * HIGH fails, MEDIUM (p=none, pct below 100, t=y, a weaker sp=/np=, reports that go nowhere, an
 * invalid tag value) warns, LOW and INFO are advice. Any lookup that failed makes the result
 * INCONCLUSIVE, naming the lookup.
 */
public final class DmarcEvaluator {
  private DmarcEvaluator() {}

  public static CheckResult evaluate(DmarcDiscovery d, List<DnsAnswer> authorisations) {
    List<String> evidence = new ArrayList<>(d.evidence());
    Map<DomainName, DnsAnswer> byName = new LinkedHashMap<>();
    for (DnsAnswer a : authorisations) {
      evidence.addAll(DnsEvidence.of(a));
      byName.put(a.name(), a);
    }
    if (d.failure() != null) {
      return CheckResult.inconclusive(DmarcCheck.NAME, d.failure(), evidence);
    }
    RecordSet set = d.applicable();
    if (set == null) {
      String where = d.organizational() == null ? "_dmarc." + d.domain()
          : "_dmarc." + d.domain() + " nor at its organizational domain's _dmarc." + d.organizationalDomain();
      return result(Status.FAIL, "none", null, List.of(DmarcFinding.DMARC_MISSING.with("No DMARC record at " + where)),
          evidence);
    }
    String via = set == d.own() ? "" : " via " + set.owner();
    if (set.records().size() > 1) {
      return result(Status.FAIL, "invalid: " + set.records().size() + " records" + via, null,
          List.of(DmarcFinding.DMARC_MULTIPLE_RECORDS.with(set.records().size() + " DMARC records at _dmarc."
              + set.owner() + ": receivers apply no policy")), evidence);
    }
    return judge(d, set, via, byName, evidence);
  }

  /** The one record of {@code set}: unreadable fails, else its strength and reporting decide. */
  private static CheckResult judge(DmarcDiscovery d, RecordSet set, String via, Map<DomainName, DnsAnswer> byName,
      List<String> evidence) {
    String where = "_dmarc." + set.owner();
    DmarcParser.Parsed parsed = DmarcParser.parse(set.records().get(0));
    List<Finding> findings = new ArrayList<>();
    parsed.problems().forEach(p -> findings.add(p.finding(where)));
    if (parsed instanceof DmarcParser.Parsed.Invalid) {
      return result(Status.FAIL, "invalid" + via, null, findings, evidence);
    }
    DmarcRecord record = ((DmarcParser.Parsed.Valid) parsed).record();
    findings.addAll(0, DmarcStrength.findings(record, d.scope(), d.domain(), where));
    DmarcReporting reporting = DmarcReporting.judge(record, set.owner(), byName);
    findings.addAll(reporting.findings());
    evidence.addAll(reporting.notes());
    String summary = DmarcStrength.summary(record, d.scope(), via) + "; " + reporting.summary() + "; aspf="
        + record.aspf().token() + " adkim=" + record.adkim().token();
    Status status = reporting.failure() != null ? Status.INCONCLUSIVE : worst(findings);
    return result(status, summary, reporting.failure(), findings, evidence)
        .withAttributes(DmarcAttributes.of(record, d.scope(), set.owner().text()));
  }

  /** HIGH and CRITICAL fail, MEDIUM warns, LOW and INFO leave a pass. */
  static Status worst(List<Finding> findings) {
    Status status = Status.PASS;
    for (Finding f : findings) {
      if (f.severity().compareTo(Severity.HIGH) >= 0) {
        status = status.worse(Status.FAIL);
      } else if (f.severity() == Severity.MEDIUM) {
        status = status.worse(Status.WARN);
      }
    }
    return status;
  }

  private static CheckResult result(Status status, String summary, String reason, List<Finding> findings,
      List<String> evidence) {
    return new CheckResult(DmarcCheck.NAME, status, summary, reason, findings, evidence);
  }
}
