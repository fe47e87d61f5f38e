package io.mailsweep.net.access;

import io.mailsweep.net.smtp.TlsSession;

/**
 * How one conversation ended, with what it had learnt by then.
 *
 * @param greeting the greeting's first line, null when none arrived
 * @param capabilities what the capability query found; not known when it was not asked or failed
 * @param tls the completed handshake, null when there was none (it may be set with an outcome
 *     other than TLS when an implicit-TLS server failed after the handshake)
 * @param detail one line: what was negotiated, or which step failed and how
 */
record AccessAttempt(
    AccessOutcome outcome, String greeting, Capabilities capabilities, TlsSession tls, String detail) {
  AccessAttempt withDetail(String other) {
    return new AccessAttempt(outcome, greeting, capabilities, tls, other);
  }
}
