package io.mailsweep.check.mtasts;

import io.mailsweep.check.Check;
import io.mailsweep.check.CheckResult;
import io.mailsweep.check.ScanTarget;
import io.mailsweep.check.mx.MxCheck;
import io.mailsweep.check.mx.MxEvaluation;
import io.mailsweep.check.mx.MxHost;
import io.mailsweep.check.transport.CertificateJudge;
import io.mailsweep.check.transport.MxProber;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.TargetGuard;
import io.mailsweep.net.dns.Dns;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsStatus;
import io.mailsweep.net.dns.RecordType;
import io.mailsweep.net.https.PolicyFetcher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The MTA-STS check (RFC 8461): the TXT record at {@code _mta-sts.<domain>}, the policy at
 * {@code https://mta-sts.<domain>/.well-known/mta-sts.txt}, the domain's MX hosts against the
 * policy's mx patterns and, for an enforced policy, each covered MX address's certificate. The
 * only class of the package that touches the network ports.
 *
 * <p>The policy host is asked when there is one valid record, and also when there is none, to
 * find a policy published without its record (a fetch that fails then changes nothing: the domain
 * simply has no MTA-STS). Several or malformed records end discovery as they do for senders.
 */
public final class MtaStsCheck implements Check {
  public static final String NAME = "mtasts";

  /** RFC 8461 §3.1: where the TXT record is published, below the policy domain. */
  static final String RECORD_PREFIX = "_mta-sts";

  private final Dns dns;
  private final MxCheck mx;
  private final PolicyRetriever retriever;
  private final MxProber prober;
  private final CertificateJudge judge;

  /**
   * @param guard asked for every policy host address before it is contacted
   * @param prober run-wide MX probes, for the certificates of enforced policies
   * @param judge validates MX certificates against the run's trust anchors
   * @param httpsPort the policy host's port: 443 except in labs and tests
   */
  public MtaStsCheck(Dns dns, PolicyFetcher fetcher, TargetGuard guard, MxProber prober, CertificateJudge judge,
      int httpsPort) {
    this(dns, new MxCheck(dns), fetcher, guard, prober, judge, httpsPort);
  }

  /** As above, with the run's MX check (its host cap). */
  public MtaStsCheck(Dns dns, MxCheck mx, PolicyFetcher fetcher, TargetGuard guard, MxProber prober,
      CertificateJudge judge, int httpsPort) {
    this.dns = dns;
    this.mx = mx;
    this.retriever = new PolicyRetriever(dns, guard, fetcher, httpsPort);
    this.prober = prober;
    this.judge = judge;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletableFuture<CheckResult> run(ScanTarget target) {
    return evaluate(target.domain()).thenApply(MtaStsEvaluation::result);
  }

  /** The result with the mode and validity for the report's columns. */
  public CompletableFuture<MtaStsEvaluation> evaluate(DomainName domain) {
    return record(domain).thenCompose(txt -> {
      if (!MtaStsEvaluator.wantsPolicy(txt)) {
        return CompletableFuture.completedFuture(MtaStsEvaluator.evaluate(domain, txt, null, null, List.of()));
      }
      boolean recorded = !MtaStsEvaluator.stsTexts(txt).isEmpty();
      return retriever.retrieve(domain).thenCombine(mx.evaluate(domain), Gathered::new)
          .thenCompose(g -> certificates(recorded, g).thenApply(certificates ->
              MtaStsEvaluator.evaluate(domain, txt, g.retrieval(), g.mx(), certificates)));
    });
  }

  private CompletableFuture<DnsAnswer> record(DomainName domain) {
    String name = RECORD_PREFIX + "." + domain.text();
    if (DomainName.problem(name) != null) {
      // A domain within 9 characters of the 253 limit: no record can exist for it.
      return CompletableFuture.completedFuture(DnsAnswer.failure(domain, RecordType.TXT, DnsStatus.NXDOMAIN,
          name + " would be longer than " + DomainName.MAX_LENGTH + " characters"));
    }
    return dns.query(DomainName.of(name), RecordType.TXT);
  }

  /** For a valid enforced policy under a record: the verdict on every covered MX address, in host order. */
  private CompletableFuture<List<MxCertificate>> certificates(boolean recorded, Gathered g) {
    String body = g.retrieval() == null ? null : g.retrieval().body();
    if (!recorded || body == null
        || !(MtaStsPolicyParser.parse(body) instanceof MtaStsPolicyParser.Parsed.Valid valid)
        || valid.policy().mode() != MtaStsPolicy.Mode.ENFORCE) {
      return CompletableFuture.completedFuture(List.of());
    }
    List<CompletableFuture<MxCertificate>> probes = new ArrayList<>();
    for (MxHost host : g.mx().hosts().hosts()) {
      if (valid.policy().covers(host.name())) {
        for (String address : host.addresses()) {
          probes.add(prober.probe(host.name(), address).thenApply(p -> MxCertificate.of(p, judge)));
        }
      }
    }
    return CompletableFuture.allOf(probes.toArray(CompletableFuture[]::new))
        .thenApply(done -> probes.stream().map(CompletableFuture::join).toList());
  }

  /** The policy host's retrieval (null when its name is too long) and the MX evaluation. */
  private record Gathered(PolicyRetrieval retrieval, MxEvaluation mx) {}
}
