package io.mailsweep.net.smtp;

/**
 * How one conversation ended.
 *
 * @param banner the greeting's first line, null when none arrived
 * @param tls the completed handshake, null unless the outcome is {@link SmtpOutcome#TLS}
 * @param detail one line: what was negotiated, or which step failed and how
 */
record Attempt(SmtpOutcome outcome, String banner, boolean starttlsAdvertised, TlsSession tls, String detail) {
  Attempt withDetail(String other) {
    return new Attempt(outcome, banner, starttlsAdvertised, tls, other);
  }
}
