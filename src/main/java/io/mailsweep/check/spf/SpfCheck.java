package io.mailsweep.check.spf;

import io.mailsweep.check.Check;
import io.mailsweep.check.CheckResult;
import io.mailsweep.check.DnsEvidence;
import io.mailsweep.check.Finding;
import io.mailsweep.check.Status;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.Dns;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsStatus;
import io.mailsweep.net.dns.RecordType;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Finds the domain's SPF record (RFC 7208 §4.4–4.5): none, one, or several (permerror). */
public final class SpfCheck implements Check {
  public static final String NAME = "spf";

  private final Dns dns;

  public SpfCheck(Dns dns) {
    this.dns = dns;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletableFuture<CheckResult> run(DomainName domain) {
    return dns.query(domain, RecordType.TXT).thenApply(SpfCheck::judge);
  }

  static CheckResult judge(DnsAnswer answer) {
    List<String> evidence = DnsEvidence.of(answer);
    if (!answer.status().conclusive()) {
      return CheckResult.inconclusive(NAME, answer.describe(), evidence);
    }
    if (answer.status() == DnsStatus.NXDOMAIN) {
      return fail("none (domain does not exist)",
          SpfFinding.SPF_DOMAIN_NXDOMAIN.with(answer.name() + " does not exist (NXDOMAIN)"), evidence);
    }
    List<String> records = SpfRecords.select(answer.records());
    if (records.isEmpty()) {
      return fail("none", SpfFinding.SPF_MISSING.with("No SPF record at " + answer.name()), evidence);
    }
    if (records.size() > 1) {
      return fail("permerror: " + records.size() + " records",
          SpfFinding.SPF_MULTIPLE_RECORDS.with(
              records.size() + " SPF records at " + answer.name() + "; receivers return permerror"),
          evidence);
    }
    return new CheckResult(NAME, Status.PASS, records.get(0), null, List.of(), evidence);
  }

  private static CheckResult fail(String summary, Finding finding, List<String> evidence) {
    return new CheckResult(NAME, Status.FAIL, summary, null, List.of(finding), evidence);
  }
}
