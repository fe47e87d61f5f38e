package io.mailsweep.net;

import java.net.InetAddress;

/**
 * Decides whether mailsweep may open a connection to an address that third-party DNS gave it (an
 * MX host, an {@code mta-sts} host). By default special-purpose addresses (loopback, private,
 * link-local, CGNAT, metadata, ...) are refused, so that a hostile record cannot turn the scanner
 * against its own network; labs name the loopback ranges they use with {@code --allow-targets}.
 * Every adapter that connects asks first, with the address it is about to connect to.
 */
public interface TargetGuard {
  /** Null when {@code address} may be contacted, else why not. */
  Refusal check(InetAddress address);

  /**
   * Why an address is not contacted.
   *
   * @param special true for a special-purpose address (RFC 6890), false for one outside the
   *     allowed ranges
   * @param reason one line for the report, naming the address and its class
   */
  record Refusal(boolean special, String reason) {}
}
