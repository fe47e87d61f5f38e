package io.mailsweep.net.access;

/**
 * The client protocols of mail access (RFC 8314): reading mail over IMAP or POP3, sending it
 * through a submission server.
 */
public enum AccessProtocol {
  /** IMAP4 (RFC 9051, RFC 3501): implicit TLS on 993, STARTTLS on 143. */
  IMAP(993, 143),
  /** POP3 (RFC 1939, RFC 2595 STLS, RFC 2449 CAPA): implicit TLS on 995, STLS on 110. */
  POP3(995, 110),
  /** Message submission (RFC 6409, AUTH RFC 4954): implicit TLS on 465 (RFC 8314 §3.3), STARTTLS on 587. */
  SUBMISSION(465, 587);

  private final int implicitTlsPort;
  private final int starttlsPort;

  AccessProtocol(int implicitTlsPort, int starttlsPort) {
    this.implicitTlsPort = implicitTlsPort;
    this.starttlsPort = starttlsPort;
  }

  /** The well-known port of the protocol with {@code security}. */
  public int port(AccessSecurity security) {
    return security == AccessSecurity.IMPLICIT_TLS ? implicitTlsPort : starttlsPort;
  }
}
