package io.mailsweep.check.mx;

import io.mailsweep.check.Check;
import io.mailsweep.check.CheckOptions;
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
 * The MX check, the DNS half of mail transport (RFC 5321 §5.1, RFC 7505): the domain's MX hosts
 * and their addresses. The only class of the package that touches {@link Dns}; all A/AAAA
 * questions of a domain are sent at once.
 */
public final class MxCheck implements Check {
  public static final String NAME = MxEvaluator.NAME;
  /** Hosts resolved per domain by default; the rest are reported as {@link MxFinding#MX_TOO_MANY_HOSTS}. */
  public static final int MAX_HOSTS = CheckOptions.MAX_MX_HOSTS;

  private final Dns dns;
  private final int maxHosts;

  public MxCheck(Dns dns) {
    this(dns, MAX_HOSTS);
  }

  /** @param maxHosts hosts resolved per domain, by preference (the --max-mx-hosts option) */
  public MxCheck(Dns dns, int maxHosts) {
    if (maxHosts < 1) {
      throw new IllegalArgumentException("at least one MX host must be resolved");
    }
    this.dns = dns;
    this.maxHosts = maxHosts;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletableFuture<CheckResult> run(ScanTarget target) {
    return evaluate(target.domain()).thenApply(MxEvaluation::result);
  }

  /** The result and the resolved hosts, for checks that go on to contact them (STARTTLS). */
  public CompletableFuture<MxEvaluation> evaluate(DomainName domain) {
    return dns.query(domain, RecordType.MX).thenCompose(mx -> hostsOf(domain, mx)
        .thenApply(lookups -> MxEvaluator.evaluate(domain, mx, lookups, maxHosts)));
  }

  /** The hosts to resolve: the MX set, or the domain itself for an implicit MX (RFC 5321 §5.1). */
  private CompletableFuture<List<HostLookup>> hostsOf(DomainName domain, DnsAnswer mx) {
    if (mx.status() == DnsStatus.NODATA) {
      return resolve(List.of(new MxRecord(0, domain)));
    }
    if (mx.status() == DnsStatus.ANSWER) {
      return resolve(MxPlan.of(mx, maxHosts).hosts());
    }
    return CompletableFuture.completedFuture(List.of());
  }

  /** Sends every question first, then gathers the answers in host order. */
  private CompletableFuture<List<HostLookup>> resolve(List<MxRecord> hosts) {
    CompletableFuture<List<HostLookup>> all = CompletableFuture.completedFuture(new ArrayList<>());
    for (MxRecord host : hosts) {
      CompletableFuture<HostLookup> one = host.ipLiteral()
          ? CompletableFuture.completedFuture(HostLookup.notLookedUp(host))
          : dns.query(host.exchange(), RecordType.A).thenCombine(
              dns.query(host.exchange(), RecordType.AAAA), (a, aaaa) -> new HostLookup(host, a, aaaa));
      all = all.thenCombine(one, (list, lookup) -> {
        list.add(lookup);
        return list;
      });
    }
    return all.thenApply(List::copyOf);
  }
}
