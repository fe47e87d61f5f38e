package io.mailsweep.schedule;

import java.time.Duration;

/** How the scheduler waits: real time in production, a clock that jumps in tests. */
public interface Sleeper {
  /** Returns after {@code duration}, or earlier once {@link #wake()} was called. */
  void sleep(Duration duration) throws InterruptedException;

  /** Ends the current or the next {@link #sleep} early. */
  void wake();
}
