package io.mailsweep.net.access;

/** How one probe of one mail-access service ended. */
public enum AccessOutcome {
  /** A TLS handshake completed: at once (implicit TLS) or after the STARTTLS command. */
  TLS,
  /** A plaintext service that does not advertise STARTTLS (STLS for POP3): cleartext only here. */
  NO_STARTTLS,
  /** STARTTLS was advertised but the server refused the command. */
  STARTTLS_REFUSED,
  /** The TLS handshake failed, with the default and with the legacy offer. */
  HANDSHAKE_FAILED,
  /** No TCP connection (refused, unreachable). */
  CONNECT_FAILED,
  /** A step ran out of time (connect, greeting, a command, the handshake, or the whole probe). */
  TIMEOUT,
  /** The server greeted with a refusal (IMAP {@code BYE}, POP3 {@code -ERR}, SMTP other than 220). */
  REJECTED,
  /** The server spoke something other than the protocol, or past the configured bounds. */
  PROTOCOL_ERROR
}
