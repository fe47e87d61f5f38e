package io.mailsweep.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.scheduling.support.CronExpression;

/**
 * A crontab(5) schedule ({@code minute hour day-of-month month day-of-week}, or a macro such as
 * {@code @daily}) in a time zone, evaluated with Spring's {@link CronExpression} (which takes a
 * leading seconds field) and with cron's own rules where Spring differs:
 *
 * <ul>
 *   <li>When both day fields are restricted (neither starts with {@code *}), a day matching
 *       either one fires, as crontab(5) specifies; Spring requires both.
 *   <li>Daylight saving time as Vixie cron's cron(8) describes it: a job at a fixed time (no
 *       {@code *} in its minute or hour field) fires once at the first occurrence of a repeated
 *       local time, and a fixed time the clock skips fires at the end of the gap. A job with a
 *       wildcard minute or hour follows the clock: both occurrences, nothing in a gap. Spring alone
 *       would skip the job on the day the clocks go forward and run it twice when they go back.
 * </ul>
 */
public final class CronSchedule {
  private static final int MAX_LENGTH = 200;
  /** Macros of crontab(5) and the fields they stand for; {@code @reboot} has no meaning here. */
  private static final List<String[]> MACROS = List.of(
      new String[] {"@yearly", "0 0 1 1 *"}, new String[] {"@annually", "0 0 1 1 *"},
      new String[] {"@monthly", "0 0 1 * *"}, new String[] {"@weekly", "0 0 * * 0"},
      new String[] {"@daily", "0 0 * * *"}, new String[] {"@midnight", "0 0 * * *"},
      new String[] {"@hourly", "0 * * * *"});
  private static final Set<String> UNRESTRICTED = Set.of("*", "?");

  private final String text;
  private final ZoneId zone;
  private final List<CronExpression> expressions;
  private final boolean fixedTime;

  private CronSchedule(String text, ZoneId zone, List<CronExpression> expressions, boolean fixedTime) {
    this.text = text;
    this.zone = zone;
    this.expressions = expressions;
    this.fixedTime = fixedTime;
  }

  /**
   * @param text five crontab fields or a macro
   * @throws IllegalArgumentException naming what is wrong, for a schedule that is malformed or
   *     never fires
   */
  public static CronSchedule parse(String text, ZoneId zone) {
    String trimmed = text == null ? "" : text.trim();
    if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("a schedule has five fields (minute hour day-of-month month day-of-week)");
    }
    String[] f = fields(trimmed);
    boolean fixed = !f[0].contains("*") && !f[1].contains("*");
    List<String> specs = bothDaysRestricted(f)
        ? List.of(spring(f[0], f[1], f[2], f[3], "?"), spring(f[0], f[1], "?", f[3], f[4]))
        : List.of(spring(f[0], f[1], f[2], f[3], f[4]));
    List<CronExpression> expressions;
    try {
      expressions = specs.stream().map(CronExpression::parse).toList();
    } catch (IllegalArgumentException e) {
      // Spring's message ends by quoting its six-field form, which the job file does not have.
      String why = String.valueOf(e.getMessage()).replaceFirst(" in cron expression \".*$", "");
      throw new IllegalArgumentException("'" + trimmed + "' is not a valid schedule: " + why);
    }
    CronSchedule schedule = new CronSchedule(trimmed, zone, expressions, fixed);
    if (schedule.next(Instant.EPOCH) == null) {
      throw new IllegalArgumentException("'" + trimmed + "' never fires");
    }
    return schedule;
  }

  private static String[] fields(String text) {
    String expanded = text;
    if (text.startsWith("@")) {
      expanded = MACROS.stream().filter(m -> m[0].equals(text.toLowerCase(Locale.ROOT))).map(m -> m[1])
          .findFirst().orElseThrow(() -> new IllegalArgumentException("'" + text
              + "' is not a schedule; the macros are @yearly, @annually, @monthly, @weekly, @daily,"
              + " @midnight, @hourly"));
    }
    String[] f = expanded.split("\\s+");
    if (f.length != 5) {
      throw new IllegalArgumentException("'" + text + "' has " + f.length
          + " fields; a schedule has five (minute hour day-of-month month day-of-week), e.g. \"0 2 * * *\"");
    }
    return f;
  }

  private static boolean bothDaysRestricted(String[] f) {
    return restricted(f[2]) && restricted(f[4]);
  }

  /** Vixie cron's test: a day field that starts with an asterisk, a step of it too, is unrestricted. */
  private static boolean restricted(String dayField) {
    return !dayField.startsWith("*") && !UNRESTRICTED.contains(dayField);
  }

  private static String spring(String minute, String hour, String dayOfMonth, String month, String dayOfWeek) {
    return String.join(" ", "0", minute, hour, dayOfMonth, month, dayOfWeek);
  }

  /** The first fire time strictly after {@code after}, or null if there is none. */
  public Instant next(Instant after) {
    Instant best = null;
    for (CronExpression e : expressions) {
      Instant t = fixedTime ? nextFixed(e, after) : nextReal(e, after);
      if (t != null && (best == null || t.isBefore(best))) {
        best = t;
      }
    }
    return best;
  }

  private Instant nextReal(CronExpression e, Instant after) {
    ZonedDateTime t = e.next(after.atZone(zone));
    return t == null ? null : t.toInstant();
  }

  /** Walks local times: a repeated one maps to its first instant, a skipped one to the gap's end. */
  private Instant nextFixed(CronExpression e, Instant after) {
    LocalDateTime local = LocalDateTime.ofInstant(after, zone);
    for (int i = 0; i < 4; i++) {
      local = e.next(local);
      if (local == null) {
        return null;
      }
      Instant t = instant(local);
      if (t.isAfter(after)) {
        return t;
      }
    }
    return null;
  }

  private Instant instant(LocalDateTime local) {
    ZoneOffsetTransition gap = zone.getRules().getTransition(local);
    if (gap != null && gap.isGap()) {
      return gap.getInstant();
    }
    return local.atZone(zone).withEarlierOffsetAtOverlap().toInstant();
  }

  public ZoneId zone() {
    return zone;
  }

  @Override
  public String toString() {
    return text;
  }
}
