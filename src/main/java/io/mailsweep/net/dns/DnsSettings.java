package io.mailsweep.net.dns;

import java.net.InetSocketAddress;
import java.nio.file.Path;
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
 * @param trustResolverAd whether the resolvers validate DNSSEC themselves (a local unbound, say):
 *     queries then carry the AD bit and an answer with AD set counts as authenticated (RFC 6840
 *     §5.7). Sensible only when the path to the resolver cannot be tampered with (loopback, or a
 *     link the operator controls, RFC 4035 §4.9.3); off by default
 * @param dnssecTrustAnchor a file of DS or DNSKEY records in zone-file syntax (the root anchor, or a
 *     lab zone's key) from which {@link DnsjavaDns#validating} validates answers itself; null (the
 *     default) for none
 * @param queryRate queries per second sent to each resolver; {@link QueryRate#AUTO} (the
 *     default) paces only the well-known public resolvers
 * @param udpPool the shared UDP sockets queries go out on ({@link PooledUdpClient}); null for
 *     dnsjava's own transport, a fresh socket per query (slower, more source ports)
 */
public record DnsSettings(
    List<InetSocketAddress> resolvers,
    Duration timeout,
    int retries,
    Duration backoff,
    int maxInFlight,
    int cacheEntries,
    int maxCnameHops,
    boolean trustResolverAd,
    Path dnssecTrustAnchor,
    QueryRate queryRate,
    UdpPoolSettings udpPool) {

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
    if (queryRate == null) {
      throw new IllegalArgumentException("a DNS query rate is needed (auto by default)");
    }
  }

  /** Settings without DNSSEC (no answer is ever authenticated), with the default query rate. */
  public DnsSettings(
      List<InetSocketAddress> resolvers,
      Duration timeout,
      int retries,
      Duration backoff,
      int maxInFlight,
      int cacheEntries,
      int maxCnameHops) {
    this(resolvers, timeout, retries, backoff, maxInFlight, cacheEntries, maxCnameHops, false, null, QueryRate.AUTO,
        UdpPoolSettings.DEFAULT);
  }

  /** These settings with the given DNSSEC sources ({@code trustAnchor} may be null). */
  public DnsSettings withDnssec(boolean trustAd, Path trustAnchor) {
    return new DnsSettings(resolvers, timeout, retries, backoff, maxInFlight, cacheEntries, maxCnameHops,
        trustAd, trustAnchor, queryRate, udpPool);
  }

  /** These settings with another query rate for each resolver. */
  public DnsSettings withQueryRate(QueryRate rate) {
    return new DnsSettings(resolvers, timeout, retries, backoff, maxInFlight, cacheEntries, maxCnameHops,
        trustResolverAd, dnssecTrustAnchor, rate, udpPool);
  }

  /** These settings with other shared UDP sockets, or null for dnsjava's socket per query. */
  public DnsSettings withUdpPool(UdpPoolSettings pool) {
    return new DnsSettings(resolvers, timeout, retries, backoff, maxInFlight, cacheEntries, maxCnameHops,
        trustResolverAd, dnssecTrustAnchor, queryRate, pool);
  }

  /** Whether any answer can be authenticated: a trust anchor or a trusted validating resolver. */
  public boolean dnssecConfigured() {
    return trustResolverAd || dnssecTrustAnchor != null;
  }

  private static void requirePositive(Duration d, String what) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive");
    }
  }
}
