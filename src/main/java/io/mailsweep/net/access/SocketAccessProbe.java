package io.mailsweep.net.access;

import io.mailsweep.net.smtp.Deadline;
import io.mailsweep.net.smtp.TlsOffer;
import io.mailsweep.net.smtp.TlsSession;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Function;
import javax.net.ssl.SNIHostName;

/**
 * The {@link AccessProbe} over sockets, the only class of mail-access probing that opens
 * connections. One probe is one conversation offering the JDK's default (strong) protocols and
 * suites; if that handshake fails, one more offering TLSv1.1 and TLSv1, as the SMTP probe does, so
 * that a server stuck on old TLS is reported as TLS with its protocol rather than as failed. All of
 * it within {@link AccessSettings#totalDeadline()}; every read is bounded in time, line length,
 * line count and size by {@link AccessSettings}.
 *
 * <p><b>It never logs in.</b> The only commands ever sent are the capability query ({@code
 * CAPABILITY}, {@code CAPA}, {@code EHLO}), {@code STARTTLS} ({@code STLS}) and the closing
 * command ({@code LOGOUT}, {@code QUIT}): never LOGIN, AUTHENTICATE, USER, PASS, APOP, AUTH or any
 * other credential or SASL exchange. Whether a server would accept credentials before TLS is read
 * from its capabilities only.
 *
 * <p>Certificates are captured, not judged. With implicit TLS the handshake comes first: when the
 * server then refuses, stalls or garbles its greeting, the outcome says so and the result still
 * carries the negotiated protocol, suite and chain; a capability query that fails after a good
 * greeting leaves the outcome TLS, with the failure in the detail. Thread-safe; callers own threads
 * and limits.
 */
public final class SocketAccessProbe implements AccessProbe {
  /** Longest greeting kept for the report. */
  static final int MAX_GREETING = 300;

  private final AccessSettings settings;

  public SocketAccessProbe(AccessSettings settings) {
    this.settings = settings;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if {@code serverName} is not a valid SNI host name (RFC 6066
   *     §3); that is the caller's fault, not the server's
   */
  @Override
  public AccessProbeResult probe(InetSocketAddress target, AccessProtocol protocol, AccessSecurity security,
      String serverName) {
    if (serverName != null) {
      new SNIHostName(serverName);
    }
    long start = System.nanoTime();
    Deadline deadline = Deadline.after(settings.totalDeadline());
    Function<TlsOffer, AccessAttempt> converse =
        offer -> AccessConversation.run(target, protocol, security, settings, deadline, offer, serverName);
    AccessAttempt a = withLegacyFallback(converse.apply(TlsOffer.strong()), converse, deadline);
    boolean implicit = security == AccessSecurity.IMPLICIT_TLS;
    Capabilities caps = a.capabilities();
    TlsSession tls = a.tls();
    return new AccessProbeResult(target, protocol, security, a.outcome(), cut(a.greeting()), caps.all(),
        !implicit && caps.starttls(), implicit ? null : caps.loginBeforeTls(),
        implicit ? List.of() : caps.loginMechanisms(), tls == null ? null : tls.protocol(),
        tls == null ? null : tls.cipherSuite(), tls == null ? List.of() : tls.chain(), a.detail(),
        (System.nanoTime() - start) / 1_000_000);
  }

  /** A failed default handshake is tried once more with TLSv1.1 and TLSv1, if this JVM offers them. */
  private static AccessAttempt withLegacyFallback(
      AccessAttempt main, Function<TlsOffer, AccessAttempt> converse, Deadline deadline) {
    TlsOffer legacy = TlsOffer.legacy();
    if (main.outcome() != AccessOutcome.HANDSHAKE_FAILED || legacy == null || deadline.expired()) {
      return main;
    }
    AccessAttempt second = converse.apply(legacy);
    if (second.outcome() != AccessOutcome.TLS) {
      return main;
    }
    return second.withDetail(second.detail() + " (only with legacy protocols; the default offer failed: "
        + main.detail() + ")");
  }

  private static String cut(String greeting) {
    return greeting == null || greeting.length() <= MAX_GREETING
        ? greeting
        : greeting.substring(0, MAX_GREETING) + "...";
  }
}
