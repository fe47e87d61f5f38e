package io.mailsweep.scan;

import io.mailsweep.net.CidrRange;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Caps how many probes run at once to the addresses of one subnet ({@code --smtp-per-subnet}), a
 * /24 for IPv4 and a /48 for IPv6: the longest prefixes routed between networks, and so the usual
 * unit of one provider's mail farm, where many connections at once from one client look like abuse
 * and are tarpitted or refused. No thread waits: a probe over the cap is queued with its subnet and
 * started when one of that subnet's probes ends, so it holds no pool thread meanwhile and other
 * subnets go on.
 *
 * <p>Only subnets with a probe running are kept, and each waiting probe is a distinct address that
 * the run's probe cache has not started yet, so the queues are bounded by the addresses the
 * domains in flight name.
 */
final class SubnetLimiter {
  static final int IPV4_PREFIX = 24;
  static final int IPV6_PREFIX = 48;

  /** A subnet's probes: how many run, and those waiting for one of them to end. */
  private static final class Lane {
    int running;
    final Queue<Runnable> waiting = new ArrayDeque<>();
  }

  private final int perSubnet;
  private final Map<CidrRange, Lane> lanes = new HashMap<>();

  SubnetLimiter(int perSubnet) {
    if (perSubnet < 1) {
      throw new IllegalArgumentException("probes per subnet must be at least 1");
    }
    this.perSubnet = perSubnet;
  }

  /** The /24 or /48 that {@code address} is counted in. */
  static CidrRange subnetOf(InetAddress address) {
    return new CidrRange(address, address instanceof Inet4Address ? IPV4_PREFIX : IPV6_PREFIX);
  }

  /**
   * Starts {@code probe} now, or once fewer than the cap run in {@code address}'s subnet. A probe
   * that throws, or whose future fails, frees its place like any other.
   */
  <T> CompletableFuture<T> submit(InetAddress address, Supplier<CompletableFuture<T>> probe) {
    CidrRange subnet = subnetOf(address);
    CompletableFuture<T> result = new CompletableFuture<>();
    Runnable start = () -> start(subnet, probe, result);
    boolean now;
    synchronized (lanes) {
      Lane lane = lanes.computeIfAbsent(subnet, k -> new Lane());
      now = lane.running < perSubnet;
      if (now) {
        lane.running++;
      } else {
        lane.waiting.add(start);
      }
    }
    if (now) {
      start.run();
    }
    return result;
  }

  /** Subnets with a probe running or waiting. */
  int busySubnets() {
    synchronized (lanes) {
      return lanes.size();
    }
  }

  private <T> void start(CidrRange subnet, Supplier<CompletableFuture<T>> probe, CompletableFuture<T> result) {
    CompletableFuture<T> started;
    try {
      started = probe.get();
    } catch (RuntimeException e) {
      started = CompletableFuture.failedFuture(e);
    }
    started.whenComplete((value, error) -> {
      release(subnet);
      if (error != null) {
        result.completeExceptionally(error);
      } else {
        result.complete(value);
      }
    });
  }

  /** Hands the ended probe's place to the subnet's next waiting probe, or gives it up. */
  private void release(CidrRange subnet) {
    Runnable next;
    synchronized (lanes) {
      Lane lane = lanes.get(subnet);
      next = lane.waiting.poll();
      if (next == null && --lane.running == 0) {
        lanes.remove(subnet);
      }
    }
    if (next != null) {
      next.run();
    }
  }
}
