package io.mailsweep.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The scheduler through a fake clock: what fires when, skips, failures and stopping. */
class SchedulerTest {
  private final FakeTime time = new FakeTime(Instant.parse("2026-01-15T00:30:00Z"));
  private final StringWriter log = new StringWriter();
  private final ScriptedRunner runner = new ScriptedRunner();
  private Scheduler scheduler;

  /** A run takes its scripted time on the fake clock, then returns its code or throws. */
  private final class ScriptedRunner implements JobRunner {
    final List<String> runs = new ArrayList<>();
    final Map<String, Duration> takes = new HashMap<>();
    final Map<String, Integer> exitCodes = new HashMap<>();
    final AtomicInteger stopCalls = new AtomicInteger();
    Runnable duringRun = () -> {};

    @Override
    public int run(ScheduledJob job) {
      runs.add(job.name() + "@" + time.instant());
      duringRun.run();
      time.advance(takes.getOrDefault(job.name(), Duration.ofMinutes(5)));
      if (job.name().startsWith("throws")) {
        throw new IllegalStateException("database unreachable");
      }
      return exitCodes.getOrDefault(job.name(), 0);
    }

    @Override
    public void stopCurrent() {
      stopCalls.incrementAndGet();
    }
  }

  private static ScheduledJob job(String name, String cron, ZoneId zone) {
    return new ScheduledJob(name, Path.of("jobs", name + ".yml"), CronSchedule.parse(cron, zone));
  }

  private int runUntil(String end, ScheduledJob... jobs) {
    scheduler = new Scheduler(List.of(jobs), runner, time, time, new PrintWriter(log));
    Instant stop = Instant.parse(end);
    time.onSleep(now -> {
      if (!now.isBefore(stop)) {
        scheduler.stop();
      }
    });
    return scheduler.run();
  }

  @Test
  void firesEachJobAtItsTimeInItsZoneAndSaysWhenItFiresNext() {
    int runs = runUntil("2026-01-17T00:00:00Z", job("alpha", "0 2 * * *", ZoneOffset.UTC),
        job("beta", "30 3 * * *", ZoneId.of("Europe/Berlin")));
    assertThat(runner.runs).containsExactly("alpha@2026-01-15T02:00:00Z", "beta@2026-01-15T02:30:00Z",
        "alpha@2026-01-16T02:00:00Z", "beta@2026-01-16T02:30:00Z");
    assertThat(runs).isEqualTo(4);
    assertThat(log.toString())
        .contains("2026-01-15T00:30:00Z alpha: \"0 2 * * *\" UTC (jobs/alpha.yml);"
            + " next run 2026-01-15 02:00 UTC (in 1h 30m)")
        .contains("beta: \"30 3 * * *\" Europe/Berlin (jobs/beta.yml);"
            + " next run 2026-01-15 03:30 +01:00 Europe/Berlin (in 2h)")
        .contains("2026-01-15T02:05:00Z alpha: run ended with exit code 0; next run 2026-01-16 02:00 UTC (in 23h 55m)")
        .contains("schedule: stopped after 4 runs");
  }

  @Test
  void aFireTimeThatComesWhileTheJobsRunIsStillGoingIsSkippedAndLogged() {
    runner.takes.put("hourly", Duration.ofMinutes(150));
    runner.takes.put("other", Duration.ofMinutes(1));
    runUntil("2026-01-15T05:30:00Z", job("hourly", "0 * * * *", ZoneOffset.UTC));
    // The run at 01:00 lasts until 03:30: 02:00 and 03:00 are skipped; every later run takes 150 min too.
    assertThat(runner.runs).containsExactly("hourly@2026-01-15T01:00:00Z", "hourly@2026-01-15T04:00:00Z");
    assertThat(log.toString()).contains("2026-01-15T03:30:00Z hourly: skipped 2 fire times from 2026-01-15 02:00 UTC"
        + " to 2026-01-15 03:00 UTC: this job's run was still going (one run of a job at a time)");
  }

  @Test
  void anotherJobDueDuringARunStartsLateOnceItEnds() {
    runner.takes.put("long", Duration.ofHours(3));
    runUntil("2026-01-15T06:00:00Z", job("long", "0 2 * * *", ZoneOffset.UTC),
        job("quarterly", "15,45 3 * * *", ZoneOffset.UTC));
    // quarterly's 03:15 and 03:45 pass while long runs (02:00-05:00): one late run, then 03:45 is skipped.
    assertThat(runner.runs).containsExactly("long@2026-01-15T02:00:00Z", "quarterly@2026-01-15T05:00:00Z");
    assertThat(log.toString())
        .contains("2026-01-15T05:00:00Z quarterly: run starts (due at 2026-01-15 03:15 UTC, 1h 45m late)")
        .contains("quarterly: skipped 1 fire time 2026-01-15 03:45 UTC");
  }

  @Test
  void aFailingOrThrowingRunIsLoggedAndTheScheduleGoesOn() {
    runner.exitCodes.put("fails", 1);
    runUntil("2026-01-17T00:00:00Z", job("fails", "0 1 * * *", ZoneOffset.UTC),
        job("throws", "0 2 * * *", ZoneOffset.UTC), job("fine", "0 3 * * *", ZoneOffset.UTC));
    assertThat(runner.runs).containsExactly("fails@2026-01-15T01:00:00Z", "throws@2026-01-15T02:00:00Z",
        "fine@2026-01-15T03:00:00Z", "fails@2026-01-16T01:00:00Z", "throws@2026-01-16T02:00:00Z",
        "fine@2026-01-16T03:00:00Z");
    assertThat(log.toString())
        .contains("fails: run ended with exit code 1; next run 2026-01-16 01:00 UTC")
        .contains("throws: run failed: database unreachable; next run 2026-01-16 02:00 UTC");
  }

  @Test
  void stoppingWhileWaitingEndsAtOnce() {
    int runs = runUntil("2026-01-15T00:00:00Z", job("alpha", "0 2 * * *", ZoneOffset.UTC));
    assertThat(runs).isZero();
    assertThat(runner.runs).isEmpty();
    assertThat(log.toString()).contains("schedule: stopped after 0 runs");
  }

  @Test
  void stoppingDuringARunAsksTheRunToStopAndStartsNoOther() {
    runner.duringRun = () -> scheduler.stop();
    int runs = runUntil("2026-01-20T00:00:00Z", job("alpha", "0 2 * * *", ZoneOffset.UTC),
        job("beta", "0 2 * * *", ZoneOffset.UTC));
    assertThat(runs).isEqualTo(1);
    assertThat(runner.runs).containsExactly("alpha@2026-01-15T02:00:00Z");
    assertThat(runner.stopCalls).hasValue(1);
    assertThat(log.toString()).contains("alpha: run ended with exit code 0 while the schedule was stopping\n")
        .doesNotContain("beta: run");
  }

  @Test
  void waitsInSlicesOfAtMostAMinuteToNoticeAStepOfTheWallClock() {
    List<Duration> sleeps = new ArrayList<>();
    Sleeper recording = new Sleeper() {
      @Override
      public void sleep(Duration d) {
        sleeps.add(d);
        time.sleep(d);
      }

      @Override
      public void wake() {
        time.wake();
      }
    };
    scheduler = new Scheduler(List.of(job("alpha", "0 1 * * *", ZoneOffset.UTC)), runner, time, recording,
        new PrintWriter(log));
    time.onSleep(now -> {
      if (!runner.runs.isEmpty()) {
        scheduler.stop();
      }
    });
    scheduler.run();
    assertThat(sleeps).hasSize(31).allMatch(d -> d.compareTo(Scheduler.MAX_SLEEP) <= 0);
    assertThat(runner.runs).containsExactly("alpha@2026-01-15T01:00:00Z");
  }
}
