package io.mailsweep.check.bimi;

import io.mailsweep.check.Check;
import io.mailsweep.check.CheckResult;
import io.mailsweep.check.ScanTarget;
import io.mailsweep.check.dmarc.DmarcCheck;
import io.mailsweep.check.dmarc.DmarcDiscovery;
import io.mailsweep.check.dmarc.OrganizationalDomain;
import io.mailsweep.check.dmarc.RecordSet;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.Dns;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsStatus;
import io.mailsweep.net.dns.RecordType;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The BIMI check: the assertion record at {@code default._bimi.<domain>} (or its organizational
 * domain's), its syntax, and whether the domain's DMARC is at enforcement, which receivers require
 * before they show a logo. DMARC is asked only for a usable record, so a domain without BIMI never
 * waits on, or is made inconclusive by, its DMARC lookups. The logo and the certificate are not
 * fetched.
 */
public final class BimiCheck implements Check {
  public static final String NAME = "bimi";

  private final Dns dns;
  private final DmarcCheck dmarc;

  public BimiCheck(Dns dns) {
    this.dns = dns;
    this.dmarc = new DmarcCheck(dns);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletableFuture<CheckResult> run(ScanTarget target) {
    DomainName domain = target.domain();
    return discover(domain).thenCompose(d -> needsDmarc(d)
        ? dmarcOf(d).thenApply(policies -> BimiEvaluator.evaluate(d, policies))
        : CompletableFuture.completedFuture(BimiEvaluator.evaluate(d, null)));
  }

  CompletableFuture<BimiDiscovery> discover(DomainName domain) {
    DomainName org = OrganizationalDomain.of(domain);
    return records(domain).thenCompose(own -> BimiDiscovery.fallsBack(domain, org, own)
        ? records(org).thenApply(orgSet -> new BimiDiscovery(domain, org, own, orgSet))
        : CompletableFuture.completedFuture(new BimiDiscovery(domain, org, own, null)));
  }

  /** The author domain's DMARC discovery and, when it has a record of its own, its organizational domain's. */
  private CompletableFuture<BimiDmarc> dmarcOf(BimiDiscovery d) {
    return dmarc.discover(d.domain()).thenCompose(author -> needsOrganizational(author)
        ? dmarc.discover(d.organizationalDomain()).thenApply(org -> new BimiDmarc(author, org))
        : CompletableFuture.completedFuture(new BimiDmarc(author, null)));
  }

  private static boolean needsOrganizational(DmarcDiscovery author) {
    return author.failure() == null && author.applicable() == author.own()
        && !author.domain().equals(author.organizationalDomain());
  }

  /** One readable record that does not decline BIMI: only then does DMARC matter. */
  private static boolean needsDmarc(BimiDiscovery d) {
    RecordSet set = d.failure() == null ? d.applicable() : null;
    if (set == null || set.records().size() != 1) {
      return false;
    }
    BimiParser.Parsed parsed = BimiParser.parse(set.records().get(0));
    return parsed instanceof BimiParser.Parsed.Valid valid && !valid.record().declined();
  }

  private CompletableFuture<RecordSet> records(DomainName owner) {
    String name = BimiDiscovery.SELECTOR + "._bimi." + owner.text();
    if (DomainName.problem(name) != null) {
      // A domain within 15 characters of the 253 limit: no default BIMI record can exist for it.
      return CompletableFuture.completedFuture(new RecordSet(owner, DnsAnswer.failure(owner, RecordType.TXT,
          DnsStatus.NXDOMAIN, name + " would be longer than " + DomainName.MAX_LENGTH + " characters"), List.of()));
    }
    return dns.query(DomainName.of(name), RecordType.TXT)
        .thenApply(answer -> RecordSet.select(owner, answer, BimiParser::isBimi));
  }
}
