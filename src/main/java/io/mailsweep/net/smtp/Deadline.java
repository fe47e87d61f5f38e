package io.mailsweep.net.smtp;

import java.time.Duration;

/**
 * The end of a whole probe, on the monotonic clock; shared by all its conversations. Public for
 * the other probes of mail servers ({@code net.access}), which bound their conversations the same way.
 */
public final class Deadline {
  private final Duration total;
  private final long endNanos;

  private Deadline(Duration total, long endNanos) {
    this.total = total;
    this.endNanos = endNanos;
  }

  public static Deadline after(Duration total) {
    return new Deadline(total, System.nanoTime() + total.toNanos());
  }

  public Duration total() {
    return total;
  }

  public long endNanos() {
    return endNanos;
  }

  public Duration remaining() {
    long left = endNanos - System.nanoTime();
    return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
  }

  public boolean expired() {
    return endNanos - System.nanoTime() <= 0;
  }

  /** {@code d} in words for one-line details: "800 ms", "20 s". */
  public static String words(Duration d) {
    long millis = d.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
