package io.mailsweep.schedule;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The scheduler's lines: {@code <UTC time> <job>: <message>}, flushed at once (a journal or a
 * container log reads them live). Fire times are shown in the job's zone with its offset.
 */
public final class ScheduleLog {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

  private final PrintWriter out;
  private final Clock clock;

  public ScheduleLog(PrintWriter out, Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  /** @param job null for a line about the scheduler itself */
  public void line(ScheduledJob job, String message) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    synchronized (out) {
      out.println(now + " " + (job == null ? "schedule" : job.name()) + ": " + message);
      out.flush();
    }
  }

  /** A fire time as the job's zone reads it, e.g. {@code 2026-03-29 03:00 +02:00 Europe/Berlin}. */
  public String when(ScheduledJob job, Instant time) {
    var zone = job.schedule().zone();
    String local = LOCAL.format(time.atZone(zone));
    return zone.normalized().equals(ZoneOffset.UTC) ? local.replace(" +00:00", " UTC") : local + " " + zone.getId();
  }

  /** "next run <time> (in 5h 3m)", or that there is none. */
  public String next(ScheduledJob job, Instant next) {
    if (next == null) {
      return "no next run";
    }
    Duration in = Duration.between(clock.instant(), next);
    return "next run " + when(job, next) + " (in " + human(in) + ")";
  }

  /** A duration in days, hours and minutes (seconds when under a minute). */
  public static String human(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s < 60) {
      return s + "s";
    }
    long days = s / 86_400;
    long hours = s % 86_400 / 3600;
    long minutes = s % 3600 / 60;
    StringBuilder b = new StringBuilder();
    if (days > 0) {
      b.append(days).append("d ");
    }
    if (days > 0 || hours > 0) {
      b.append(hours).append("h ");
    }
    return b.append(minutes).append('m').toString();
  }
}
