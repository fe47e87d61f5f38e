package io.mailsweep.net.smtp;

/**
 * How far one STARTTLS conversation got. {@link #tested()} separates "the server answered and this
 * is its behaviour" from "could not test" (the network or a deadline stopped the probe).
 */
public enum SmtpOutcome {
  /** STARTTLS advertised, accepted and the TLS handshake completed. */
  TLS(true),
  /** The server answered EHLO but does not advertise STARTTLS (RFC 3207 §4). */
  NO_STARTTLS(true),
  /** STARTTLS advertised but the command was answered with an error. */
  STARTTLS_REFUSED(true),
  /** STARTTLS accepted, then the TLS handshake failed (no common protocol or cipher, bad record). */
  HANDSHAKE_FAILED(true),
  /** Nothing listens: the connection was refused. */
  CONNECT_REFUSED(false),
  /** No answer to the connection attempt within the connect timeout (filtered, or port 25 blocked). */
  CONNECT_TIMEOUT(false),
  /** Connected, but no complete greeting within the banner timeout (tarpit). */
  BANNER_TIMEOUT(false),
  /** The server greeted with 554 or answered EHLO and HELO with errors: it refuses to talk to us. */
  SMTP_REJECTED(false),
  /** A command's reply or the whole probe exceeded its deadline. */
  TIMEOUT(false),
  /** The server's replies broke the protocol or a size limit (line too long, too many lines). */
  PROTOCOL_ERROR(false),
  /** The connection broke (reset, unreachable network). */
  IO_ERROR(false);

  private final boolean tested;

  SmtpOutcome(boolean tested) {
    this.tested = tested;
  }

  /** True when the outcome describes the server; false when the probe could not test it. */
  public boolean tested() {
    return tested;
  }
}
