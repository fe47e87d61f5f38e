package io.mailsweep.net.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * How the scanner talks to its resolvers. Every bound is configurable from the command line.
 *
 * @param resolvers recursive resolvers, used round-robin; retries move on to the next one
 * @param timeout how long one try may take before it counts as a timeout
 * @param retries further tries after the first for SERVFAIL, timeouts and network errors
 * @param backoff wait before the first retry; doubled for each later one
 * @param maxInFlight questions on the wire at once, over all resolvers (each holds a UDP socket)
 * @param cacheEntries answers kept for the run (shared names are asked once), least recently used
 *     evicted first
 * @param maxCnameHops aliases followed for one question before giving up (RFC 1034 §3.6.2 loops)
 */
public record DnsSettings(
    List<InetSocketAddress> resolvers,
    Duration timeout,
    int retries,
    Duration backoff,
    int maxInFlight,
    int cacheEntries,
    int maxCnameHops) {

  public DnsSettings {
    resolvers = List.copyOf(resolvers);
    if (resolvers.isEmpty()) {
      throw new IllegalArgumentException("at least one resolver is needed");
    }
    requirePositive(timeout, "DNS timeout");
    if (retries < 0 || retries > 10) {
      throw new IllegalArgumentException("DNS retries must be between 0 and 10");
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("DNS in-flight limit must be at least 1");
    }
    if (cacheEntries < 0) {
      throw new IllegalArgumentException("DNS cache size must not be negative");
    }
  }

  private static void requirePositive(Duration d, String what) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive");
    }
  }
}
