package io.mailsweep.net.dns;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Caps how many asynchronous operations run at once without blocking any thread: work over the
 * cap waits in a queue and is started when a running operation completes. Callers bound the
 * queue themselves (the scan step has at most one chunk per partition in flight).
 */
final class AsyncLimiter {
  private final int limit;
  private final AtomicInteger running = new AtomicInteger();
  private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

  AsyncLimiter(int limit) {
    this.limit = limit;
  }

  <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> operation) {
    CompletableFuture<T> result = new CompletableFuture<>();
    waiting.add(() -> start(operation, result));
    drain();
    return result;
  }

  int running() {
    return running.get();
  }

  private <T> void start(Supplier<CompletableFuture<T>> operation, CompletableFuture<T> result) {
    CompletableFuture<T> started;
    try {
      started = operation.get();
    } catch (RuntimeException e) {
      started = CompletableFuture.failedFuture(e);
    }
    started.whenComplete(
        (value, error) -> {
          running.decrementAndGet();
          drain();
          if (error != null) {
            result.completeExceptionally(error);
          } else {
            result.complete(value);
          }
        });
  }

  private void drain() {
    while (true) {
      int now = running.get();
      if (now >= limit || waiting.isEmpty()) {
        return;
      }
      if (running.compareAndSet(now, now + 1)) {
        Runnable next = waiting.poll();
        if (next == null) {
          running.decrementAndGet();
          continue;
        }
        next.run();
      }
    }
  }
}
