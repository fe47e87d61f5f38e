package io.mailsweep.scan;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.net.InetAddresses;
import com.google.common.util.concurrent.UncheckedExecutionException;
import io.mailsweep.check.transport.MxProber;
import io.mailsweep.check.transport.ServerProbe;
import io.mailsweep.check.transport.ServerProbe.Skip;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.TargetGuard;
import io.mailsweep.net.smtp.SmtpProbe;
import io.mailsweep.net.smtp.SmtpProbeResult;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The run's {@link MxProber}: every (address, port) is probed once and the result shared by all
 * domains that name it (large providers serve thousands of listed domains), so each address sees at
 * most one conversation at a time from us, and each /24 or /48 at most {@code perSubnet} (see
 * {@link SubnetLimiter}). Probes run on the engine's bounded SMTP pool, which a probe waiting for its
 * subnet does not occupy; the guard is asked before any connection; a blocked port 25 or a
 * switched-off probe skips them all. With several worker processes on one run, {@link SharedProbes}
 * decides which of them probes an address; the others take its result.
 *
 * <p>A failed result (a fault of the scanner, never a server's behaviour) is dropped from the cache,
 * so the next domain that names the address asks again.
 */
public final class MxProbes implements MxProber {
  private final SmtpProbe probe;
  private final TargetGuard guard;
  private final int port;
  private final Executor pool;
  private final SubnetLimiter subnets;
  private final SharedProbes shared;
  private final Cache<InetSocketAddress, CompletableFuture<SmtpProbeResult>> results;
  private final AtomicLong started = new AtomicLong();
  private volatile Skip skipAll = Skip.NONE;
  private volatile String skipDetail;

  /** With the default cap per subnet. */
  public MxProbes(SmtpProbe probe, TargetGuard guard, int port, Executor pool, int cacheEntries) {
    this(probe, guard, port, pool, cacheEntries, TransportSettings.DEFAULTS.smtpPerSubnet());
  }

  /**
   * @param pool runs the blocking probes; its size is the number of SMTP probes in flight
   * @param cacheEntries addresses whose results are kept; past it the least recently used are
   *     dropped and probed again if asked for
   * @param perSubnet probes in flight at once to the addresses of one /24 (IPv4) or /48 (IPv6)
   */
  public MxProbes(SmtpProbe probe, TargetGuard guard, int port, Executor pool, int cacheEntries, int perSubnet) {
    this(probe, guard, port, pool, cacheEntries, perSubnet, SharedProbes.LOCAL);
  }

  /** As above, with results shared among the processes that scan the run. */
  public MxProbes(SmtpProbe probe, TargetGuard guard, int port, Executor pool, int cacheEntries, int perSubnet,
      SharedProbes shared) {
    this.probe = probe;
    this.guard = guard;
    this.port = port;
    this.pool = pool;
    this.subnets = new SubnetLimiter(perSubnet);
    this.shared = shared;
    this.results = CacheBuilder.newBuilder().maximumSize(cacheEntries).build();
  }

  /** From now on no address is contacted; every probe is skipped with {@code why}. */
  public void skipAll(Skip why, String detail) {
    this.skipDetail = detail;
    this.skipAll = why;
  }

  /** Conversations this process started so far (cache misses that no other process answered). */
  public long probesStarted() {
    return started.get();
  }

  public int port() {
    return port;
  }

  @Override
  public CompletableFuture<ServerProbe> probe(DomainName host, String address) {
    if (skipAll != Skip.NONE) {
      return done(ServerProbe.skipped(host, address, port, skipAll, skipDetail));
    }
    if (!InetAddresses.isInetAddress(address)) {
      return done(ServerProbe.skipped(host, address, port, Skip.SPECIAL_ADDRESS, address + " is not an IP address"));
    }
    InetAddress ip = InetAddresses.forString(address);
    TargetGuard.Refusal refusal = guard.check(ip);
    if (refusal != null) {
      return done(ServerProbe.skipped(host, address, port,
          refusal.special() ? Skip.SPECIAL_ADDRESS : Skip.NOT_ALLOWED, refusal.reason()));
    }
    InetSocketAddress target = new InetSocketAddress(ip, port);
    return resultFor(target).thenApply(r -> new ServerProbe(host, address, port, Skip.NONE, null, r));
  }

  private CompletableFuture<SmtpProbeResult> resultFor(InetSocketAddress target) {
    CompletableFuture<SmtpProbeResult> result;
    try {
      result = results.get(target, () -> shared.resultFor(target, () -> {
        started.incrementAndGet();
        return subnets.submit(target.getAddress(),
            () -> CompletableFuture.supplyAsync(() -> probe.probe(target), pool));
      }));
    } catch (ExecutionException | UncheckedExecutionException e) {
      return CompletableFuture.failedFuture(e.getCause());
    }
    result.whenComplete((r, error) -> {
      if (error != null) {
        results.asMap().remove(target, result);
      }
    });
    return result;
  }

  private static CompletableFuture<ServerProbe> done(ServerProbe p) {
    return CompletableFuture.completedFuture(p);
  }
}
