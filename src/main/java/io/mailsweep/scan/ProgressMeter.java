package io.mailsweep.scan;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints "done/total, domains/s, ETA" at a fixed interval while a step runs: one line per
 * interval, never one per domain.
 */
public final class ProgressMeter {
  private final String label;
  private final long total;
  private final PrintStream out;
  private final AtomicLong done = new AtomicLong();
  private final long startNanos = System.nanoTime();
  private ScheduledFuture<?> ticker;

  public ProgressMeter(String label, long total, PrintStream out) {
    this.label = label;
    this.total = total;
    this.out = out;
  }

  public synchronized void start(ScheduledExecutorService timer, Duration interval) {
    if (!interval.isZero() && !interval.isNegative()) {
      long ms = interval.toMillis();
      ticker = timer.scheduleAtFixedRate(this::print, ms, ms, TimeUnit.MILLISECONDS);
    }
  }

  public void advance(long n) {
    done.addAndGet(n);
  }

  public long done() {
    return done.get();
  }

  /** Stops the ticker and prints a last line if it was ticking; safe to call twice. */
  public synchronized void stop() {
    if (ticker != null) {
      ticker.cancel(false);
      ticker = null;
      print();
    }
  }

  void print() {
    out.println(line(done.get(), total, System.nanoTime() - startNanos));
  }

  /** The progress line for a state; pure, for tests. */
  String line(long doneNow, long of, long elapsedNanos) {
    double seconds = elapsedNanos / 1e9;
    double rate = seconds > 0 ? doneNow / seconds : 0;
    String eta = rate > 0 && of >= doneNow ? formatDuration((long) ((of - doneNow) / rate)) : "?";
    int percent = of == 0 ? 100 : (int) (100 * doneNow / of);
    return String.format(Locale.ROOT, "%s: %,d/%,d domains (%d%%), %.1f domains/s, ETA %s",
        label, doneNow, of, percent, rate, eta);
  }

  static String formatDuration(long seconds) {
    return seconds >= 3600
        ? String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60)
        : String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
  }
}
