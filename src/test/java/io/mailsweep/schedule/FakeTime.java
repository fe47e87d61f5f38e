package io.mailsweep.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Consumer;

/**
 * A clock that only moves when told to, and a {@link Sleeper} that moves it instead of waiting:
 * a scheduler driven by it goes through a day in milliseconds. {@code onSleep} sees the clock after
 * each sleep (a test stops the scheduler there).
 */
public final class FakeTime extends Clock implements Sleeper {
  private volatile Instant now;
  private volatile Consumer<Instant> onSleep = t -> {};
  private volatile boolean woken;

  public FakeTime(Instant start) {
    this.now = start;
  }

  public void advance(Duration d) {
    now = now.plus(d);
  }

  public void onSleep(Consumer<Instant> action) {
    this.onSleep = action;
  }

  @Override
  public void sleep(Duration duration) {
    if (!woken) {
      advance(duration);
    }
    woken = false;
    onSleep.accept(now);
  }

  @Override
  public void wake() {
    woken = true;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}
