package io.mailsweep.net.access;

import io.mailsweep.net.smtp.Deadline;
import io.mailsweep.net.smtp.ProbeTls;
import io.mailsweep.net.smtp.TimedSocket;
import io.mailsweep.net.smtp.TlsOffer;
import io.mailsweep.net.smtp.TlsSession;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocket;

/**
 * One conversation with one address, up to and including the TLS handshake. STARTTLS: greeting,
 * capability query, STARTTLS (STLS), handshake, closing command over TLS. Implicit TLS: handshake,
 * greeting and capability query over TLS, closing command. Never sends a credential (see {@link
 * Dialect}). Every read is bounded by {@link TimedSocket}; anything that goes wrong is an outcome,
 * mapped once by {@link AccessFailures}.
 *
 * <p>Plaintext octets buffered past the positive STARTTLS response are dropped with the plaintext
 * reader, and the plaintext capabilities are kept only as what was offered before TLS (RFC 9051
 * §6.2.1, RFC 2595 §4, RFC 3207 §4.2 tell clients to discard them for use).
 */
final class AccessConversation {
  private static final int READ_BUFFER = 1024;

  private final InetSocketAddress target;
  private final AccessProtocol protocol;
  private final boolean implicit;
  private final AccessSettings settings;
  private final TlsOffer offer;
  private final String serverName;
  private final TimedSocket<AccessStep> socket;
  private final Channel channel;
  private final Dialect dialect;
  private Socket open;
  private String greeting;
  private Capabilities capabilities = Capabilities.unknown("not asked");
  private TlsSession session;

  private AccessConversation(InetSocketAddress target, AccessProtocol protocol, AccessSecurity security,
      AccessSettings settings, Deadline deadline, TlsOffer offer, String serverName) {
    this.target = target;
    this.protocol = protocol;
    this.implicit = security == AccessSecurity.IMPLICIT_TLS;
    this.settings = settings;
    this.offer = offer;
    this.serverName = serverName;
    this.socket = new TimedSocket<>(deadline, AccessStep.CONNECT);
    this.open = socket;
    this.channel = new Channel(socket, settings);
    this.dialect = Dialect.of(protocol, channel, settings);
  }

  /** Talks to {@code target} offering {@code offer}; SNI is sent only when {@code serverName} is set. */
  static AccessAttempt run(InetSocketAddress target, AccessProtocol protocol, AccessSecurity security,
      AccessSettings settings, Deadline deadline, TlsOffer offer, String serverName) {
    return new AccessConversation(target, protocol, security, settings, deadline, offer, serverName).run();
  }

  private AccessAttempt run() {
    try {
      socket.connect(target, settings.connectTimeout());
      socket.setTcpNoDelay(true);
      if (implicit) {
        handshake();
      } else {
        channel.use(socket, new BufferedInputStream(socket.getInputStream(), READ_BUFFER));
      }
      return converse();
    } catch (IOException | RuntimeException e) {
      AccessFailures.Failure f = AccessFailures.map(e, socket, protocol, channel.inResponse());
      return new AccessAttempt(f.outcome(), greeting, capabilities, session, f.detail());
    } finally {
      closeQuietly(open);
    }
  }

  private AccessAttempt converse() throws IOException {
    Reply hello = dialect.greeting();
    greeting = hello.line();
    if (!hello.positive()) {
      return ended(AccessOutcome.REJECTED, "greeted with " + Dialect.quote(hello.line()));
    }
    if (implicit) {
      return learnOverTls();
    }
    capabilities = dialect.capabilities();
    String starttls = protocol == AccessProtocol.POP3 ? "STLS" : "STARTTLS";
    if (capabilities.known() && !capabilities.starttls()) {
      return close(AccessOutcome.NO_STARTTLS, starttls + " not advertised in " + capabilities.source());
    }
    Reply ready = dialect.startTls();
    if (!ready.positive()) {
      return capabilities.known()
          ? close(AccessOutcome.STARTTLS_REFUSED, starttls + " answered " + Dialect.quote(ready.line()))
          : close(AccessOutcome.NO_STARTTLS, starttls + " answered " + Dialect.quote(ready.line()) + " after "
              + capabilities.source());
    }
    handshake();
    return close(AccessOutcome.TLS, session.summary());
  }

  /** Implicit TLS: the handshake is done and the greeting was positive; capabilities are a bonus. */
  private AccessAttempt learnOverTls() throws IOException {
    try {
      capabilities = dialect.capabilities();
    } catch (IOException e) {
      AccessFailures.Failure f = AccessFailures.map(e, socket, protocol, channel.inResponse());
      return ended(AccessOutcome.TLS, session.summary() + "; capabilities not learnt: " + f.detail());
    }
    return close(AccessOutcome.TLS, session.summary());
  }

  private void handshake() throws IOException {
    socket.begin(AccessStep.HANDSHAKE, settings.commandTimeout());
    SSLSocket tls = ProbeTls.layer(socket, target, offer, serverName);
    open = tls;
    tls.startHandshake();
    session = ProbeTls.session(tls);
    channel.use(tls, tls.getInputStream());
  }

  /** Says goodbye (LOGOUT, QUIT) and waits for the response; the outcome is known either way. */
  private AccessAttempt close(AccessOutcome outcome, String detail) {
    try {
      dialect.close();
    } catch (IOException e) {
      // The server may hang up without a word; the outcome was settled before.
    }
    return ended(outcome, detail);
  }

  private AccessAttempt ended(AccessOutcome outcome, String detail) {
    return new AccessAttempt(outcome, greeting, capabilities, session, detail);
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // Closing is all that is left to do with it.
    }
  }
}
