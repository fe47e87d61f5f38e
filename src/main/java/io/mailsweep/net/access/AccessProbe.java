package io.mailsweep.net.access;

import java.net.InetSocketAddress;

/**
 * The only way checks reach IMAP, POP3 and submission servers: one bounded conversation with one
 * address, up to and including the TLS handshake, learning the greeting and the capabilities the
 * server offers before TLS. It never authenticates and never sends a user name, a password or any
 * SASL exchange; the only commands sent are capability queries, STARTTLS and the closing command.
 * Blocks the calling thread for at most the configured total deadline and never throws for
 * anything the network or the server did: that is the result's {@link AccessOutcome}.
 */
public interface AccessProbe {
  /**
   * @param serverName the host name sent as SNI in the handshake (the SRV target), or null for none
   */
  AccessProbeResult probe(InetSocketAddress target, AccessProtocol protocol, AccessSecurity security,
      String serverName);
}
