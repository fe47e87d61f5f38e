package io.mailsweep.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronScheduleTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static List<Instant> fires(String cron, ZoneId zone, String after, int n) {
    CronSchedule s = CronSchedule.parse(cron, zone);
    List<Instant> out = new ArrayList<>();
    Instant t = Instant.parse(after);
    for (int i = 0; i < n; i++) {
      t = s.next(t);
      out.add(t);
    }
    return out;
  }

  private static Instant next(String cron, ZoneId zone, String after) {
    return CronSchedule.parse(cron, zone).next(Instant.parse(after));
  }

  @ParameterizedTest(name = "{0} after {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      0 2 * * *       | 2026-01-15T01:59:00Z | 2026-01-15T02:00:00Z
      0 2 * * *       | 2026-01-15T02:00:00Z | 2026-01-16T02:00:00Z
      */15 * * * *    | 2026-01-15T10:07:30Z | 2026-01-15T10:15:00Z
      30 6 * * 1-5    | 2026-01-16T07:00:00Z | 2026-01-19T06:30:00Z
      0 3 * * 0       | 2026-01-01T00:00:00Z | 2026-01-04T03:00:00Z
      0 3 * * 7       | 2026-01-01T00:00:00Z | 2026-01-04T03:00:00Z
      0 3 * * sun     | 2026-01-01T00:00:00Z | 2026-01-04T03:00:00Z
      0 0 1 */3 *     | 2026-01-15T00:00:00Z | 2026-04-01T00:00:00Z
      0 0 29 2 *      | 2026-01-01T00:00:00Z | 2028-02-29T00:00:00Z
      @daily          | 2026-01-15T12:00:00Z | 2026-01-16T00:00:00Z
      @hourly         | 2026-01-15T12:00:00Z | 2026-01-15T13:00:00Z
      @weekly         | 2026-01-15T12:00:00Z | 2026-01-18T00:00:00Z
      @monthly        | 2026-01-15T12:00:00Z | 2026-02-01T00:00:00Z
      @YEARLY         | 2026-01-15T12:00:00Z | 2027-01-01T00:00:00Z
      """)
  void nextFireTimeInUtc(String cron, String after, String expected) {
    assertThat(next(cron, ZoneOffset.UTC, after)).isEqualTo(Instant.parse(expected));
  }

  @Test
  void aTimeZoneShiftsTheFireTimesWithItsOffset() {
    // 02:00 in Berlin is 01:00Z in winter (+01:00) and 00:00Z in summer (+02:00).
    assertThat(next("0 2 * * *", BERLIN, "2026-01-15T00:00:00Z")).isEqualTo(Instant.parse("2026-01-15T01:00:00Z"));
    assertThat(next("0 2 * * *", BERLIN, "2026-07-15T00:30:00Z")).isEqualTo(Instant.parse("2026-07-16T00:00:00Z"));
    assertThat(next("0 9 * * *", ZoneId.of("America/New_York"), "2026-01-15T00:00:00Z"))
        .isEqualTo(Instant.parse("2026-01-15T14:00:00Z"));
  }

  @Test
  void aFixedTimeTheClockSkipsFiresOnceAtTheEndOfTheGap() {
    // 2026-03-29: Berlin goes from 02:00 +01:00 straight to 03:00 +02:00 (01:00Z).
    assertThat(fires("30 2 * * *", BERLIN, "2026-03-28T12:00:00Z", 3)).containsExactly(
        Instant.parse("2026-03-29T01:00:00Z"), Instant.parse("2026-03-30T00:30:00Z"),
        Instant.parse("2026-03-31T00:30:00Z"));
    assertThat(fires("0,15,30 2 * * *", BERLIN, "2026-03-29T00:00:00Z", 2)).containsExactly(
        Instant.parse("2026-03-29T01:00:00Z"), Instant.parse("2026-03-30T00:00:00Z"));
  }

  @Test
  void aFixedTimeTheClockRepeatsFiresOnceAtItsFirstOccurrence() {
    // 2026-10-25: Berlin goes from 03:00 +02:00 (01:00Z) back to 02:00 +01:00; 02:30 happens twice.
    assertThat(fires("30 2 * * *", BERLIN, "2026-10-24T12:00:00Z", 3)).containsExactly(
        Instant.parse("2026-10-25T00:30:00Z"), Instant.parse("2026-10-26T01:30:00Z"),
        Instant.parse("2026-10-27T01:30:00Z"));
    // Asked from inside the second occurrence, the first is past: tomorrow.
    assertThat(next("30 2 * * *", BERLIN, "2026-10-25T01:10:00Z")).isEqualTo(Instant.parse("2026-10-26T01:30:00Z"));
  }

  @Test
  void aWildcardHourFollowsTheClockThroughBothChanges() {
    // Hourly: no fire in the skipped hour, one in each occurrence of the repeated hour.
    assertThat(fires("0 * * * *", BERLIN, "2026-03-29T00:30:00Z", 2)).containsExactly(
        Instant.parse("2026-03-29T01:00:00Z"), Instant.parse("2026-03-29T02:00:00Z"));
    assertThat(fires("30 * * * *", BERLIN, "2026-10-24T23:45:00Z", 3)).containsExactly(
        Instant.parse("2026-10-25T00:30:00Z"), Instant.parse("2026-10-25T01:30:00Z"),
        Instant.parse("2026-10-25T02:30:00Z"));
  }

  @Test
  void bothDayFieldsRestrictedMeansEitherDayAsInCrontab() {
    // The 15th of the month or any Monday (2026-01-15 is a Thursday).
    assertThat(fires("0 2 15 * 1", ZoneOffset.UTC, "2026-01-14T00:00:00Z", 3)).containsExactly(
        Instant.parse("2026-01-15T02:00:00Z"), Instant.parse("2026-01-19T02:00:00Z"),
        Instant.parse("2026-01-26T02:00:00Z"));
    // A '*' in one day field leaves only the other.
    assertThat(next("0 2 */2 * 1", ZoneOffset.UTC, "2026-01-14T00:00:00Z"))
        .isEqualTo(Instant.parse("2026-01-19T02:00:00Z"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      0 0 2 * * *   | has 6 fields; a schedule has five
      0 2 * *       | has 4 fields
      61 2 * * *    | is not a valid schedule
      0 25 * * *    | is not a valid schedule
      0 2 * 13 *    | is not a valid schedule
      0 2 31 2 *    | never fires
      @reboot       | is not a schedule; the macros are
      nightly       | has 1 fields
      ''            | a schedule has five fields
      """)
  void malformedSchedulesAreRejectedSayingWhy(String cron, String message) {
    assertThatThrownBy(() -> CronSchedule.parse(cron, ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
  }

  @Test
  void keepsTheTextAndZone() {
    CronSchedule s = CronSchedule.parse("  0 2 * * *  ", BERLIN);
    assertThat(s).hasToString("0 2 * * *");
    assertThat(s.zone()).isEqualTo(BERLIN);
  }
}
