package io.mailsweep.schedule;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.StringJoiner;

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

  /** The job's schedule as written, with its zone and file. */
  public String describe(ScheduledJob job) {
    var zone = job.schedule().zone();
    String name = zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    return "\"" + job.schedule() + "\" " + name + " (" + job.file() + ")";
  }

  /** "next run <time> (in 5h 3m)", or that there is none. */
  public String next(ScheduledJob job, Instant next) {
    if (next == null) {
      return "no next run";
    }
    Duration in = Duration.between(clock.instant(), next);
    return "next run " + when(job, next) + " (in " + human(in) + ")";
  }

  /** A duration in days, hours and minutes, zero parts left out ("1d 2h", "5h 3m"); seconds under a minute. */
  public static String human(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s < 60) {
      return s + "s";
    }
    long[] values = {s / 86_400, s % 86_400 / 3600, s % 3600 / 60};
    String[] units = {"d", "h", "m"};
    StringJoiner out = new StringJoiner(" ");
    for (int i = 0; i < values.length; i++) {
      if (values[i] > 0) {
        out.add(values[i] + units[i]);
      }
    }
    return out.toString();
  }
}
