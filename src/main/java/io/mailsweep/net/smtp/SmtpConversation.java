package io.mailsweep.net.smtp;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocket;

/**
 * One SMTP conversation with one address, up to the TLS handshake (RFC 3207 §4): greeting, EHLO
 * (HELO if EHLO is refused, RFC 5321 §4.1.1.1), STARTTLS, handshake, QUIT. Never sends MAIL, RCPT
 * or DATA. Every read is bounded by {@link TimedSocket}; anything that goes wrong is an {@link
 * Attempt} outcome, mapped once by {@link ConversationFailures}.
 *
 * <p>Plaintext octets buffered past the 220 reply to STARTTLS are dropped with the plaintext reader,
 * as RFC 3207 §4.2 requires of whatever was learnt before the handshake. There is no second EHLO
 * over TLS: nothing the probe reports depends on it, and QUIT alone shows the channel works.
 */
final class SmtpConversation {
  private static final int READ_BUFFER = 1024;

  /** "Service not available, closing" (RFC 5321 §3.8): a refusal to talk now, not an answer. */
  private static final int CLOSING = 421;

  private final InetSocketAddress target;
  private final SmtpSettings settings;
  private final TlsOffer offer;
  private final String serverName;
  private final TimedSocket<Step> socket;
  private Socket open;
  private OutputStream out;
  private SmtpReplyReader replies;
  private String banner;
  private boolean advertised;

  private SmtpConversation(
      InetSocketAddress target, SmtpSettings settings, Deadline deadline, TlsOffer offer, String serverName) {
    this.target = target;
    this.settings = settings;
    this.offer = offer;
    this.serverName = serverName;
    this.socket = new TimedSocket<>(deadline, Step.CONNECT);
    this.open = socket;
  }

  /** Talks to {@code target} offering {@code offer}; SNI is sent only when {@code serverName} is set. */
  static Attempt run(
      InetSocketAddress target, SmtpSettings settings, Deadline deadline, TlsOffer offer, String serverName) {
    return new SmtpConversation(target, settings, deadline, offer, serverName).run();
  }

  private Attempt run() {
    try {
      socket.connect(target, settings.connectTimeout());
      socket.setTcpNoDelay(true);
      use(socket, new BufferedInputStream(socket.getInputStream(), READ_BUFFER));
      return converse();
    } catch (IOException | RuntimeException e) {
      return ConversationFailures.map(e, socket, banner, advertised);
    } finally {
      closeQuietly(open);
    }
  }

  private Attempt converse() throws IOException {
    socket.begin(Step.BANNER, settings.bannerTimeout());
    SmtpReply greeting = replies.read();
    banner = greeting.firstLine();
    if (greeting.code() != 220) {
      return quit(SmtpOutcome.SMTP_REJECTED, "greeted with " + greeting.firstLine());
    }
    SmtpReply ehlo = command(Step.EHLO, "EHLO " + settings.ehloName());
    if (ehlo.code() == CLOSING) {
      return quit(SmtpOutcome.SMTP_REJECTED, "EHLO answered " + ehlo.firstLine());
    }
    if (!ehlo.positive()) {
      SmtpReply helo = command(Step.HELO, "HELO " + settings.ehloName());
      return helo.positive()
          ? quit(SmtpOutcome.NO_STARTTLS, "EHLO refused (" + ehlo.firstLine() + "), HELO accepted: no extensions")
          : quit(SmtpOutcome.SMTP_REJECTED, "EHLO and HELO refused: " + helo.firstLine());
    }
    advertised = ehlo.advertises("STARTTLS");
    if (!advertised) {
      return quit(SmtpOutcome.NO_STARTTLS, "STARTTLS not advertised in the EHLO reply");
    }
    SmtpReply ready = command(Step.STARTTLS, "STARTTLS");
    if (ready.code() == CLOSING) {
      return quit(SmtpOutcome.SMTP_REJECTED, "STARTTLS answered " + ready.firstLine());
    }
    if (ready.code() != 220) {
      return quit(SmtpOutcome.STARTTLS_REFUSED, "STARTTLS answered " + ready.firstLine());
    }
    return handshake();
  }

  private Attempt handshake() throws IOException {
    socket.begin(Step.HANDSHAKE, settings.commandTimeout());
    SSLSocket tls = ProbeTls.layer(socket, target, offer, serverName);
    open = tls;
    tls.startHandshake();
    TlsSession session = ProbeTls.session(tls);
    use(tls, tls.getInputStream());
    return quit(SmtpOutcome.TLS, session, session.summary());
  }

  private void use(Socket channel, InputStream in) throws IOException {
    out = channel.getOutputStream();
    replies = new SmtpReplyReader(in, settings);
  }

  private SmtpReply command(Step step, String line) throws IOException {
    socket.begin(step, settings.commandTimeout());
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return replies.read();
  }

  private Attempt quit(SmtpOutcome outcome, String detail) {
    return quit(outcome, null, detail);
  }

  /** Says QUIT (RFC 5321 §4.1.1.10) and waits for the reply; the outcome is known either way. */
  private Attempt quit(SmtpOutcome outcome, TlsSession session, String detail) {
    try {
      command(Step.QUIT, "QUIT");
    } catch (IOException e) {
      // The server may hang up without 221; the outcome was settled before QUIT.
    }
    return new Attempt(outcome, banner, advertised, session, detail);
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // Closing is all that is left to do with it.
    }
  }
}
