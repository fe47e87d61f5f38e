package io.mailsweep.check.starttls;

import io.mailsweep.check.Check;
import io.mailsweep.check.CheckResult;
import io.mailsweep.check.ScanTarget;
import io.mailsweep.check.mx.MxCheck;
import io.mailsweep.check.mx.MxEvaluation;
import io.mailsweep.check.mx.MxHost;
import io.mailsweep.check.transport.CertificateEvaluator;
import io.mailsweep.check.transport.MxProber;
import io.mailsweep.check.transport.ServerProbe;
import io.mailsweep.net.dns.Dns;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The STARTTLS check (RFC 3207): every address of every MX host of the domain, probed through the
 * run's {@link MxProber} (one conversation per address and run), then judged by {@link
 * StartTlsEvaluator}. MX questions repeat those of the MX check; the run's DNS cache answers them.
 */
public final class StartTlsCheck implements Check {
  public static final String NAME = StartTlsEvaluator.NAME;
  /** Addresses probed per domain by default (10 MX hosts with a few addresses each). */
  public static final int MAX_ADDRESSES = 20;

  private final MxCheck mx;
  private final MxProber prober;
  private final CertificateEvaluator certificates;
  private final Clock clock;
  private final int maxAddresses;

  public StartTlsCheck(Dns dns, MxProber prober, CertificateEvaluator certificates, Clock clock) {
    this(new MxCheck(dns), prober, certificates, clock, MAX_ADDRESSES);
  }

  /**
   * @param mx the run's MX check (its host cap)
   * @param maxAddresses MX addresses probed per domain, in preference order; the rest are left out
   *     and said so in the summary (the --max-mx-addresses option)
   */
  public StartTlsCheck(MxCheck mx, MxProber prober, CertificateEvaluator certificates, Clock clock,
      int maxAddresses) {
    if (maxAddresses < 1) {
      throw new IllegalArgumentException("at least one MX address must be probed");
    }
    this.maxAddresses = maxAddresses;
    this.mx = mx;
    this.prober = prober;
    this.certificates = certificates;
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletableFuture<CheckResult> run(ScanTarget target) {
    return mx.evaluate(target.domain()).thenCompose(this::probeAll);
  }

  private CompletableFuture<CheckResult> probeAll(MxEvaluation evaluation) {
    List<CompletableFuture<Observed>> probes = new ArrayList<>();
    int left = 0;
    for (MxHost host : evaluation.hosts().hosts()) {
      for (String address : host.addresses()) {
        if (probes.size() < maxAddresses) {
          probes.add(prober.probe(host.name(), address).thenApply(this::observe));
        } else {
          left++;
        }
      }
    }
    int notProbed = left;
    return CompletableFuture.allOf(probes.toArray(CompletableFuture[]::new))
        .thenApply(ignored -> StartTlsEvaluator.evaluate(evaluation,
            probes.stream().map(CompletableFuture::join).toList()))
        .thenApply(r -> notProbed == 0 ? r : new CheckResult(r.check(), r.status(), r.summary() + "; " + notProbed
            + " more addresses not probed (--max-mx-addresses " + maxAddresses + ")", r.reason(), r.findings(),
            r.evidence(), r.attributes(), r.servers()));
  }

  private Observed observe(ServerProbe probe) {
    if (!probe.probed() || probe.result().chain().isEmpty()) {
      return new Observed(probe, null);
    }
    return new Observed(probe, certificates.evaluate(probe.result().chain(), probe.host(), clock.instant()));
  }
}
