package io.mailsweep.net.smtp;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Function;
import javax.net.ssl.SNIHostName;

/**
 * The {@link SmtpProbe} over sockets, the only class of the probe that opens connections. One
 * probe is: the main conversation offering the JDK's default (strong) protocols and suites; if
 * that handshake fails, one more offering TLSv1.1 and TLSv1, so that a server stuck on old TLS is
 * reported as TLS with its protocol rather than as failed (the version table shows the rest); then,
 * when TLS was negotiated, the version and weak-suite conversations the settings ask for. All of
 * it within {@link SmtpSettings#totalDeadline()}. Thread-safe; callers own threads and limits.
 */
public final class SocketSmtpProbe implements SmtpProbe {
  private final SmtpSettings settings;

  public SocketSmtpProbe(SmtpSettings settings) {
    this.settings = settings;
  }

  /** Probes without SNI: an address alone names no host. */
  @Override
  public SmtpProbeResult probe(InetSocketAddress target) {
    return probe(target, null);
  }

  /**
   * As {@link #probe(InetSocketAddress)}, sending {@code serverName} as SNI (RFC 6066 §3) in every
   * handshake, for servers that choose their certificate by it; DANE clients send the TLSA base
   * domain this way (RFC 7672 §8.1).
   *
   * @param serverName a host name, or null for no SNI
   * @throws IllegalArgumentException if {@code serverName} is not a valid SNI host name
   */
  public SmtpProbeResult probe(InetSocketAddress target, String serverName) {
    if (serverName != null) {
      new SNIHostName(serverName);
    }
    long start = System.nanoTime();
    Deadline deadline = Deadline.after(settings.totalDeadline());
    Function<TlsOffer, Attempt> converse =
        offer -> SmtpConversation.run(target, settings, deadline, offer, serverName);
    Attempt main = withLegacyFallback(converse.apply(TlsOffer.strong()), converse, deadline);
    List<ProtocolSupport> versions = List.of();
    WeakCipherProbe.Result weak = new WeakCipherProbe.Result(List.of(), null);
    if (main.outcome() == SmtpOutcome.TLS) {
      if (settings.probeVersions()) {
        versions = VersionProbe.run(converse, deadline, main.tls());
      }
      if (settings.probeWeakCiphers()) {
        weak = WeakCipherProbe.run(converse, deadline);
      }
    }
    TlsSession tls = main.tls();
    return new SmtpProbeResult(target, main.outcome(), main.banner(), main.starttlsAdvertised(),
        tls == null ? null : tls.protocol(), tls == null ? null : tls.cipherSuite(),
        tls == null ? List.of() : tls.chain(), versions, weak.accepted(), weak.note(), main.detail(),
        (System.nanoTime() - start) / 1_000_000);
  }

  /** A failed default handshake is tried once more with TLSv1.1 and TLSv1, if this JVM offers them. */
  private static Attempt withLegacyFallback(Attempt main, Function<TlsOffer, Attempt> converse, Deadline deadline) {
    TlsOffer legacy = TlsOffer.legacy();
    if (main.outcome() != SmtpOutcome.HANDSHAKE_FAILED || legacy == null || deadline.expired()) {
      return main;
    }
    Attempt second = converse.apply(legacy);
    if (second.outcome() != SmtpOutcome.TLS) {
      return main;
    }
    return second.withDetail(second.detail() + " (only with legacy protocols; the default offer failed: "
        + main.detail() + ")");
  }
}
