package io.mailsweep.check.dane;

import io.mailsweep.check.Check;
import io.mailsweep.check.CheckResult;
import io.mailsweep.check.ScanTarget;
import io.mailsweep.check.mx.MxCheck;
import io.mailsweep.check.mx.MxEvaluation;
import io.mailsweep.check.mx.MxHost;
import io.mailsweep.check.transport.MxProber;
import io.mailsweep.check.transport.ServerProbe;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.Dns;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsStatus;
import io.mailsweep.net.dns.RecordType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The DANE for SMTP check (RFC 7672): the domain's MX RRset must be DNSSEC-secure, then each MX
 * host's TLSA RRset at {@code _<port>._tcp.<host>} is looked up and, when authenticated and usable,
 * every address of the host is probed and its certificate chain matched. The only class of the
 * package touching the network. Give it a {@link Dns} that authenticates answers ({@code
 * DnsjavaDns.validating}, or a trusted validating resolver); it uses that Dns for the MX hosts too.
 *
 * <p>Simplified on purpose: MX host names are not CNAME-expanded (the TLSA base domain is the MX
 * host, RFC 7672 §2.2.3), and the security of the hosts' address records is not checked.
 */
public final class DaneCheck implements Check {
  public static final String NAME = "dane";

  private final Dns dns;
  private final MxProber prober;
  private final DaneSettings settings;
  private final MxCheck mxCheck;

  public DaneCheck(Dns dns, MxProber prober, DaneSettings settings) {
    this(dns, prober, settings, MxCheck.MAX_HOSTS);
  }

  /** @param maxMxHosts MX hosts resolved per domain (the --max-mx-hosts option) */
  public DaneCheck(Dns dns, MxProber prober, DaneSettings settings, int maxMxHosts) {
    this.mxCheck = new MxCheck(dns, maxMxHosts);
    this.dns = dns;
    this.prober = prober;
    this.settings = settings;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletableFuture<CheckResult> run(ScanTarget target) {
    if (!settings.dnssec()) {
      return CompletableFuture.completedFuture(CheckResult.inconclusive(NAME, "DNSSEC validation is not configured"
          + " (a trust anchor or a trusted validating resolver), so TLSA records cannot be authenticated", List.of()));
    }
    DomainName domain = target.domain();
    return dns.query(domain, RecordType.MX).thenCompose(mx -> {
      CheckResult early = DaneEvaluator.beforeHosts(domain, mx);
      if (early != null) {
        return CompletableFuture.completedFuture(early);
      }
      return mxCheck.evaluate(domain).thenCompose(hosts -> gather(hosts)
          .thenApply(gathered -> DaneEvaluator.evaluate(mx, hosts, gathered)));
    });
  }

  /** Every host's TLSA question is sent at once; the answers are gathered in host order. */
  private CompletableFuture<List<DaneHost>> gather(MxEvaluation hosts) {
    CompletableFuture<List<DaneHost>> all = CompletableFuture.completedFuture(new ArrayList<>());
    for (MxHost host : hosts.hosts().hosts()) {
      CompletableFuture<DaneHost> one = tlsa(host.name()).thenCompose(answer -> probe(host, answer));
      all = all.thenCombine(one, (list, h) -> {
        list.add(h);
        return list;
      });
    }
    return all.thenApply(List::copyOf);
  }

  private CompletableFuture<DnsAnswer> tlsa(DomainName host) {
    String name = "_" + settings.port() + "._tcp." + host.text();
    if (DomainName.problem(name) != null) {
      // No TLSA record can exist at a name over the length limit.
      return CompletableFuture.completedFuture(DnsAnswer.failure(host, RecordType.TLSA, DnsStatus.NXDOMAIN,
          name + " would be longer than " + DomainName.MAX_LENGTH + " characters"));
    }
    return dns.query(DomainName.of(name), RecordType.TLSA);
  }

  private CompletableFuture<DaneHost> probe(MxHost host, DnsAnswer tlsa) {
    if (!HostJudge.needsProbe(tlsa)) {
      return CompletableFuture.completedFuture(new DaneHost(host, tlsa, List.of()));
    }
    CompletableFuture<List<ServerProbe>> all = CompletableFuture.completedFuture(new ArrayList<>());
    for (String address : host.addresses()) {
      all = all.thenCombine(prober.probe(host.name(), address), (list, p) -> {
        list.add(p);
        return list;
      });
    }
    return all.thenApply(probes -> new DaneHost(host, tlsa, probes));
  }
}
