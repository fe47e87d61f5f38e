package io.mailsweep.net.access;

/** How a mail-access service is reached: TLS from the first octet, or plaintext upgraded by STARTTLS. */
public enum AccessSecurity {
  /** TLS from the start of the connection (RFC 8314 §3.2, §3.3); the preferred form. */
  IMPLICIT_TLS,
  /** A plaintext connection upgraded with STARTTLS (IMAP), STLS (POP3) or STARTTLS (submission). */
  STARTTLS
}
