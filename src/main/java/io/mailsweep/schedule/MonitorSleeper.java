package io.mailsweep.schedule;

import java.time.Duration;

/** A {@link Sleeper} in real time; a wake that comes before the sleep is not lost. */
public final class MonitorSleeper implements Sleeper {
  private boolean woken;

  @Override
  public synchronized void sleep(Duration duration) throws InterruptedException {
    long deadline = System.nanoTime() + duration.toNanos();
    long left = duration.toNanos();
    while (!woken && left > 0) {
      wait(Math.max(1, left / 1_000_000));
      left = deadline - System.nanoTime();
    }
    woken = false;
  }

  @Override
  public synchronized void wake() {
    woken = true;
    notifyAll();
  }
}
