package io.mailsweep.scan;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.net.InetAddresses;
import io.mailsweep.check.access.AccessObservation;
import io.mailsweep.check.access.AccessProber;
import io.mailsweep.check.access.AccessService;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.TargetGuard;
import io.mailsweep.net.access.AccessProbe;
import io.mailsweep.net.access.AccessProbeResult;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The run's {@link AccessProber}: every (host, address, port, service) is probed once and the
 * result shared by all domains whose SRV records name it; at most {@code perSubnet} probes at once
 * go to one /24 or /48 ({@link SubnetLimiter}); the probes run on a bounded pool of their own,
 * which a probe waiting for its subnet does not occupy; the guard is asked before any connection.
 * The host is part of the key because it is sent as SNI and may select the certificate.
 */
public final class AccessProbes implements AccessProber {
  private record Key(DomainName host, InetSocketAddress target, AccessService service) {}

  private final AccessProbe probe;
  private final TargetGuard guard;
  private final Executor pool;
  private final SubnetLimiter subnets;
  private final Cache<Key, CompletableFuture<AccessProbeResult>> results;
  private final AtomicLong started = new AtomicLong();

  /**
   * @param pool runs the blocking probes; its size is the number of probes in flight
   * @param cacheEntries results kept; past it the least recently used are dropped and probed again
   * @param perSubnet probes in flight at once to the addresses of one /24 (IPv4) or /48 (IPv6)
   */
  public AccessProbes(AccessProbe probe, TargetGuard guard, Executor pool, int cacheEntries, int perSubnet) {
    this.probe = probe;
    this.guard = guard;
    this.pool = pool;
    this.subnets = new SubnetLimiter(perSubnet);
    this.results = CacheBuilder.newBuilder().maximumSize(cacheEntries).build();
  }

  /** Conversations started so far (cache misses). */
  public long probesStarted() {
    return started.get();
  }

  @Override
  public CompletableFuture<AccessObservation> probe(DomainName host, String address, int port, AccessService service) {
    if (!InetAddresses.isInetAddress(address)) {
      return CompletableFuture.completedFuture(
          AccessObservation.skipped(host, address, port, service, address + " is not an IP address"));
    }
    InetAddress ip = InetAddresses.forString(address);
    TargetGuard.Refusal refusal = guard.check(ip);
    if (refusal != null) {
      return CompletableFuture.completedFuture(AccessObservation.skipped(host, address, port, service, refusal.reason()));
    }
    Key key = new Key(host, new InetSocketAddress(ip, port), service);
    try {
      return results.get(key, () -> {
        started.incrementAndGet();
        return subnets.submit(ip, () -> CompletableFuture.supplyAsync(
            () -> probe.probe(key.target(), service.protocol(), service.security(), host.text()), pool));
      }).thenApply(r -> new AccessObservation(host, address, port, service, null, r));
    } catch (ExecutionException e) {
      return CompletableFuture.failedFuture(e.getCause());
    }
  }
}
