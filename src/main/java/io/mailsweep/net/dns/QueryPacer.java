package io.mailsweep.net.dns;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Sends one resolver at most a set number of queries per second, evenly spaced, without blocking
 * any thread: each send reserves the next free slot of the schedule (the "virtual scheduling" form
 * of a token bucket that holds one token); a send whose slot lies ahead is handed to a scheduler and
 * started then. Nothing is sent before its slot, so a resolver never sees a burst, and since a send
 * starts its DNS timeout only when it is started, the wait never counts against it.
 *
 * <p>The schedule holds no queue of its own: the scheduler's queue holds at most the sends waiting
 * for a slot, and those are bounded by the adapter's in-flight cap (a waiting question keeps its
 * in-flight slot) plus the few DS and DNSKEY questions a validator asks for each of them.
 */
final class QueryPacer {
  /** Runs a task after a delay; a scheduler that has shut down throws. */
  @FunctionalInterface
  interface Scheduler {
    void schedule(Runnable task, long delayNanos);

    static Scheduler of(ScheduledExecutorService timer) {
      return (task, delayNanos) -> timer.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }
  }

  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final QueryPacer UNPACED = new QueryPacer(0, () -> 0, (task, delay) -> task.run());

  private final long intervalNanos;
  private final LongSupplier ticker;
  private final Scheduler scheduler;
  private final AtomicLong nextSlot;
  private final AtomicInteger waiting = new AtomicInteger();

  /**
   * @param perSecond sends a second; 0 for no pacing
   * @param ticker a monotonic clock in nanoseconds ({@code System::nanoTime})
   */
  QueryPacer(int perSecond, LongSupplier ticker, Scheduler scheduler) {
    // Rounded up: never faster than asked.
    this.intervalNanos = perSecond == 0 ? 0 : (NANOS_PER_SECOND + perSecond - 1) / perSecond;
    this.ticker = ticker;
    this.scheduler = scheduler;
    this.nextSlot = new AtomicLong(ticker.getAsLong());
  }

  /** A pacer that sends everything at once. */
  static QueryPacer unpaced() {
    return UNPACED;
  }

  /** The time between two sends in nanoseconds; 0 when not paced. */
  long intervalNanos() {
    return intervalNanos;
  }

  /** Sends waiting for their slot. */
  int waiting() {
    return waiting.get();
  }

  /**
   * Starts {@code send} in its slot: now when the slot is free, else later on the scheduler. A
   * failure to start or to schedule fails the future returned; nothing is thrown.
   */
  <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> send) {
    long delay = reserve();
    if (delay <= 0) {
      return start(send);
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    waiting.incrementAndGet();
    try {
      scheduler.schedule(() -> {
        waiting.decrementAndGet();
        start(send).whenComplete(Futures.into(result));
      }, delay);
    } catch (RuntimeException e) {
      waiting.decrementAndGet();
      result.completeExceptionally(e);
    }
    return result;
  }

  /**
   * Reserves the next slot: the later of now and the slot after the last one reserved.
   *
   * @return how long to wait for it, in nanoseconds; 0 to send now
   */
  long reserve() {
    if (intervalNanos == 0) {
      return 0;
    }
    long now = ticker.getAsLong();
    while (true) {
      long next = nextSlot.get();
      long slot = next - now > 0 ? next : now;
      if (nextSlot.compareAndSet(next, slot + intervalNanos)) {
        return slot - now;
      }
    }
  }

  private static <T> CompletableFuture<T> start(Supplier<CompletableFuture<T>> send) {
    try {
      return send.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
