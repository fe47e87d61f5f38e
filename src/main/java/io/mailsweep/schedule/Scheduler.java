package io.mailsweep.schedule;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fires job files on their schedules, one run at a time, until {@link #stop()}.
 *
 * <p>Runs are sequential: when several jobs are due, the earliest due runs first (ties in the
 * order given), and the others start when it ends, late. A job's fire times that pass while its
 * own run is going or waiting are skipped and logged, so one job never runs twice at once and
 * missed times never pile up. A run that fails or throws is logged and the schedule carries on.
 */
public final class Scheduler {
  /** Longest single sleep, so that a stepped or suspended wall clock is noticed within a minute. */
  static final Duration MAX_SLEEP = Duration.ofMinutes(1);
  /** Skipped fire times counted after one run (an every-minute job after a day-long run). */
  private static final int MAX_COUNTED = 100_000;
  /** A run that starts later than this after its time says so. */
  private static final Duration LATE = Duration.ofMinutes(1);

  private final List<ScheduledJob> jobs;
  private final JobRunner runner;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ScheduleLog log;
  private final Map<ScheduledJob, Instant> due = new LinkedHashMap<>();
  private volatile boolean stopping;

  public Scheduler(List<ScheduledJob> jobs, JobRunner runner, Clock clock, Sleeper sleeper, PrintWriter out) {
    this.jobs = List.copyOf(jobs);
    this.runner = runner;
    this.clock = clock;
    this.sleeper = sleeper;
    this.log = new ScheduleLog(out, clock);
  }

  /** Runs until stopped, or until no job has a fire time left; returns the number of runs. */
  public int run() {
    Instant now = clock.instant();
    for (ScheduledJob job : jobs) {
      Instant next = job.schedule().next(now);
      log.line(job, log.describe(job) + "; " + log.next(job, next));
      schedule(job, next);
    }
    int runs = 0;
    while (!stopping && !due.isEmpty()) {
      Map.Entry<ScheduledJob, Instant> first = earliest();
      Duration wait = Duration.between(clock.instant(), first.getValue());
      if (!wait.isNegative() && !wait.isZero()) {
        if (!sleep(wait.compareTo(MAX_SLEEP) > 0 ? MAX_SLEEP : wait)) {
          break;
        }
        continue;
      }
      fire(first.getKey(), first.getValue());
      runs++;
    }
    log.line(null, "stopped after " + runs + (runs == 1 ? " run" : " runs"));
    return runs;
  }

  /**
   * Ends {@link #run()}: at once when it waits, else when the current run has ended, which it is
   * asked to do at its next chunk boundary. Safe to call from any thread, more than once.
   */
  public void stop() {
    stopping = true;
    sleeper.wake();
    runner.stopCurrent();
  }

  private boolean sleep(Duration d) {
    try {
      sleeper.sleep(d);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping = true;
      return false;
    }
  }

  private void fire(ScheduledJob job, Instant time) {
    Instant start = clock.instant();
    Duration late = Duration.between(time, start);
    log.line(job, "run starts" + (late.compareTo(LATE) > 0
        ? " (due at " + log.when(job, time) + ", " + ScheduleLog.human(late) + " late)" : ""));
    String outcome;
    try {
      outcome = "run ended with exit code " + runner.run(job);
    } catch (Exception e) {
      outcome = "run failed: " + message(e);
    }
    Instant end = clock.instant();
    skipped(job, time, end);
    Instant next = job.schedule().next(end);
    log.line(job, outcome + (stopping ? " while the schedule was stopping" : "; " + log.next(job, next)));
    schedule(job, next);
  }

  /** Logs the job's fire times in (time, end]: they passed while its run was waiting or going. */
  private void skipped(ScheduledJob job, Instant time, Instant end) {
    List<Instant> passed = new ArrayList<>(2);
    long count = 0;
    for (Instant t = job.schedule().next(time); t != null && !t.isAfter(end) && count < MAX_COUNTED;
        t = job.schedule().next(t)) {
      count++;
      if (passed.size() < 2) {
        passed.add(t);
      } else {
        passed.set(1, t);
      }
    }
    if (count > 0) {
      log.line(job, "skipped " + (count >= MAX_COUNTED ? "at least " : "") + count + " fire time"
          + (count == 1 ? " " + log.when(job, passed.get(0))
              : "s from " + log.when(job, passed.get(0)) + " to " + log.when(job, passed.get(1)))
          + ": this job's run was still going (one run of a job at a time)");
    }
  }

  private void schedule(ScheduledJob job, Instant next) {
    if (next == null) {
      due.remove(job);
      log.line(job, "has no fire time left");
    } else {
      due.put(job, next);
    }
  }

  private Map.Entry<ScheduledJob, Instant> earliest() {
    Optional<Map.Entry<ScheduledJob, Instant>> first =
        due.entrySet().stream().min(Comparator.comparing(Map.Entry::getValue));
    return first.orElseThrow();
  }

  private static String message(Throwable e) {
    Throwable t = e;
    while (t.getMessage() == null && t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
