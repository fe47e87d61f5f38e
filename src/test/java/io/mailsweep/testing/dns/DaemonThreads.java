package io.mailsweep.testing.dns;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every thread of one server, named {@code <prefix>-<role>-<n>} and daemon so that a test that
 * forgets to close a server does not hang the JVM. Executors report termination before their
 * threads have quite ended, so the server joins the threads themselves.
 */
final class DaemonThreads {
  private final String prefix;
  private final Set<Thread> created = ConcurrentHashMap.newKeySet();
  private final AtomicInteger count = new AtomicInteger();

  DaemonThreads(String prefix) {
    this.prefix = prefix;
  }

  ThreadFactory factory(String role) {
    return task -> {
      created.removeIf(t -> t.getState() == Thread.State.TERMINATED);
      Thread t = new Thread(task, prefix + "-" + role + "-" + count.incrementAndGet());
      t.setDaemon(true);
      created.add(t);
      return t;
    };
  }

  /** Waits up to {@code timeout} in all for every thread created so far to end. */
  void joinAll(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Thread t : created) {
      long remainingMillis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
      if (remainingMillis <= 0) {
        return;
      }
      t.join(remainingMillis);
    }
  }
}
