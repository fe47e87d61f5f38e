package io.mailsweep.net.smtp;

/**
 * Whether a server accepted a handshake limited to one TLS protocol version.
 *
 * @param protocol the JSSE name: {@code TLSv1.3}, {@code TLSv1.2}, {@code TLSv1.1}, {@code TLSv1}
 * @param note why it was {@link Support#UNTESTABLE} or not tested, else null
 */
public record ProtocolSupport(String protocol, Support support, String note) {
  /** The outcome of one version's handshake. */
  public enum Support {
    ACCEPTED,
    REFUSED,
    /** This JDK cannot offer the version (or the probe could not finish); nothing is claimed. */
    UNTESTABLE,
    NOT_TESTED
  }
}
