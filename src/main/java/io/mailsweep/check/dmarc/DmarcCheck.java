package io.mailsweep.check.dmarc;

import io.mailsweep.check.Check;
import io.mailsweep.check.CheckResult;
import io.mailsweep.check.ScanTarget;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.Dns;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsStatus;
import io.mailsweep.net.dns.RecordType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The DMARC check: policy discovery (RFC 7489 §6.6.3, organizational domain from the Public Suffix
 * List), then the authorisation of external report destinations (§7.1), judged by {@link
 * DmarcEvaluator}. The only class of the package that asks DNS; every step is a composed future.
 */
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
    return discover(target.domain()).thenCompose(this::judge);
  }

  /**
   * The DMARC records that apply to {@code domain}: its own, or else its organizational domain's,
   * with the domain's existence when np= depends on it. Never completes exceptionally for DNS
   * outcomes; failed lookups are in the discovery.
   */
  public CompletableFuture<DmarcDiscovery> discover(DomainName domain) {
    DomainName org = OrganizationalDomain.of(domain);
    return records(domain).thenCompose(own -> {
      if (!DmarcDiscovery.fallsBack(domain, org, own)) {
        return CompletableFuture.completedFuture(new DmarcDiscovery(domain, org, own, null, null));
      }
      return records(org).thenCompose(orgSet -> existence(domain, orgSet)
          .thenApply(existence -> new DmarcDiscovery(domain, org, own, orgSet, existence)));
    });
  }

  private CompletableFuture<CheckResult> judge(DmarcDiscovery d) {
    RecordSet set = d.failure() == null ? d.applicable() : null;
    DmarcRecord record = set == null || set.records().size() != 1 ? null : valid(set.records().get(0));
    List<DomainName> names = record == null ? List.of() : ReportAuthorisation.namesToQuery(record, set.owner());
    List<CompletableFuture<DnsAnswer>> lookups = new ArrayList<>();
    names.forEach(n -> lookups.add(dns.query(n, RecordType.TXT)));
    return all(lookups).thenApply(answers -> DmarcEvaluator.evaluate(d, answers));
  }

  private CompletableFuture<RecordSet> records(DomainName owner) {
    String name = "_dmarc." + owner.text();
    if (DomainName.problem(name) != null) {
      // A domain within 7 characters of the 253 limit: no DMARC record can exist for it.
      return CompletableFuture.completedFuture(new RecordSet(owner, DnsAnswer.failure(owner, RecordType.TXT,
          DnsStatus.NXDOMAIN, "_dmarc." + owner + " would be longer than " + DomainName.MAX_LENGTH + " characters"),
          List.of()));
    }
    return dns.query(DomainName.of(name), RecordType.TXT)
        .thenApply(answer -> RecordSet.select(owner, answer, DmarcParser::isDmarc));
  }

  private CompletableFuture<DomainExistence> existence(DomainName domain, RecordSet organizational) {
    if (!DmarcDiscovery.existenceMatters(organizational)) {
      return CompletableFuture.completedFuture(null);
    }
    List<CompletableFuture<DnsAnswer>> lookups = new ArrayList<>();
    for (RecordType type : List.of(RecordType.A, RecordType.AAAA, RecordType.MX)) {
      lookups.add(dns.query(domain, type));
    }
    return all(lookups).thenApply(DomainExistence::new);
  }

  private static DmarcRecord valid(String text) {
    DmarcParser.Parsed parsed = DmarcParser.parse(text);
    return parsed instanceof DmarcParser.Parsed.Valid v ? v.record() : null;
  }

  /** The futures' values in order, once all are done; never blocks. */
  static <T> CompletableFuture<List<T>> all(List<CompletableFuture<T>> futures) {
    CompletableFuture<List<T>> acc = CompletableFuture.completedFuture(List.of());
    for (CompletableFuture<T> f : futures) {
      acc = acc.thenCombine(f, (list, value) -> {
        List<T> next = new ArrayList<>(list);
        next.add(value);
        return next;
      });
    }
    return acc.thenApply(List::copyOf);
  }
}
