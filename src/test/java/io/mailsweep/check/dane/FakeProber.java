package io.mailsweep.check.dane;

import io.mailsweep.check.transport.MxProber;
import io.mailsweep.check.transport.ServerProbe;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.smtp.SmtpOutcome;
import io.mailsweep.net.smtp.SmtpProbeResult;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * An {@link MxProber} that contacts nobody: each host gets the probe scripted for it (a TLS chain,
 * an outcome, or a skip) and every probe is counted.
 */
final class FakeProber implements MxProber {
  private final Map<String, BiFunction<DomainName, String, ServerProbe>> scripts = new ConcurrentHashMap<>();
  private final Map<String, Integer> probes = new ConcurrentHashMap<>();

  FakeProber presents(String host, List<X509Certificate> chain) {
    scripts.put(host, (h, a) -> probed(h, a, SmtpOutcome.TLS, chain, "TLSv1.3"));
    return this;
  }

  FakeProber answers(String host, SmtpOutcome outcome) {
    scripts.put(host, (h, a) -> probed(h, a, outcome, List.of(), outcome.name().toLowerCase()));
    return this;
  }

  FakeProber skips(String host, ServerProbe.Skip why) {
    scripts.put(host, (h, a) -> ServerProbe.skipped(h, a, 25, why, "outbound port 25 is blocked"));
    return this;
  }

  int probes(String host) {
    return probes.getOrDefault(host, 0);
  }

  @Override
  public CompletableFuture<ServerProbe> probe(DomainName host, String address) {
    probes.merge(host.text(), 1, Integer::sum);
    BiFunction<DomainName, String, ServerProbe> script = scripts.get(host.text());
    if (script == null) {
      throw new AssertionError("no probe expected for " + host);
    }
    return CompletableFuture.completedFuture(script.apply(host, address));
  }

  private static ServerProbe probed(DomainName host, String address, SmtpOutcome outcome,
      List<X509Certificate> chain, String detail) {
    SmtpProbeResult result = new SmtpProbeResult(new InetSocketAddress(address, 25), outcome, "220 " + host,
        outcome != SmtpOutcome.NO_STARTTLS, outcome == SmtpOutcome.TLS ? "TLSv1.3" : null, null, chain, List.of(),
        List.of(), null, detail, 5);
    return new ServerProbe(host, address, 25, ServerProbe.Skip.NONE, null, result);
  }
}
