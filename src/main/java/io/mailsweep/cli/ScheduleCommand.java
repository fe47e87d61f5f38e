package io.mailsweep.cli;

import io.mailsweep.schedule.JobRunner;
import io.mailsweep.schedule.MonitorSleeper;
import io.mailsweep.schedule.ScheduleLog;
import io.mailsweep.schedule.ScheduledJob;
import io.mailsweep.schedule.Scheduler;
import io.mailsweep.schedule.Sleeper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mailsweep schedule jobs/}: fires job files on their {@code schedule}, until stopped. */
@Command(
    name = "schedule",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run as a long-lived process that fires each job file on its 'schedule' (crontab syntax,"
          + " \"0 2 * * *\"), in UTC or the job's 'timezone'.",
      "Each run is what 'mailsweep run FILE' does. Runs are sequential: one at a time, the earliest"
          + " due first; a job's fire time that passes while its run is still going is skipped."
          + " A failing run is logged and the schedule goes on.",
      "Schedules are read at start (restart to change them); each run reads its job file afresh.",
      "SIGTERM or Ctrl-C stops a run in progress at its next chunk (resume it with 'mailsweep restart"
          + " RUN_ID') and ends the process."
    })
final class ScheduleCommand implements Callable<Integer> {
  private static final int LISTED_FIRE_TIMES = 5;

  @Parameters(arity = "1..*", paramLabel = "JOBS",
      description = "Job files, or folders whose *.yml files are the jobs (files without 'schedule' are left out).")
  List<Path> paths;

  @Option(names = "--list", description = "Print the next " + LISTED_FIRE_TIMES + " fire times of each job and exit.")
  boolean list;

  @Option(names = "--stop-timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
      description = "On SIGTERM, wait this long for a run in progress to stop at a chunk boundary"
          + " (default: ${DEFAULT-VALUE}).")
  Duration stopTimeout;

  @Spec CommandSpec spec;

  /** Replaced by tests, which drive the clock. */
  Clock clock = Clock.systemUTC();
  Sleeper sleeper = new MonitorSleeper();
  JobRunner runner;

  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile Scheduler scheduler;
  private volatile ScheduleLog log;

  @Override
  public Integer call() {
    ScheduledJobs jobs = ScheduledJobs.load(paths);
    PrintWriter out = spec.commandLine().getOut();
    log = new ScheduleLog(out, clock);
    jobs.unscheduled().forEach(f -> log.line(null, f + " has no 'schedule' key: not scheduled"));
    if (list) {
      jobs.scheduled().forEach(this::listFireTimes);
      return ExitCodes.OK;
    }
    if (runner == null) {
      runner = new ScheduledRuns(out, spec.commandLine().getErr());
    }
    scheduler = new Scheduler(jobs.scheduled(), runner, clock, sleeper, out);
    Thread hook = new Thread(this::onSignal, "mailsweep-schedule-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      scheduler.run();
    } finally {
      finished.countDown();
      removeHook(hook);
    }
    return ExitCodes.OK;
  }

  private void listFireTimes(ScheduledJob job) {
    Instant t = clock.instant();
    StringBuilder times = new StringBuilder();
    for (int i = 0; i < LISTED_FIRE_TIMES && (t = job.schedule().next(t)) != null; i++) {
      times.append(i == 0 ? "" : ", ").append(log.when(job, t));
    }
    log.line(job, log.describe(job) + ": " + times);
  }

  /** Ends the schedule without waiting (tests; the signal path is {@link #onSignal()}). */
  void requestStop() {
    scheduler.stop();
  }

  /**
   * What SIGTERM and SIGINT do: stop waiting, ask the run in progress to stop (again every 200 ms,
   * in case it was only starting), and hold the JVM's exit until the scheduler has finished or
   * {@code --stop-timeout} has passed. A run cut off then stays "started" and is still resumable.
   */
  void onSignal() {
    log.line(null, "stopping (a run in progress stops at its next chunk and can be resumed with mailsweep restart)");
    scheduler.stop();
    long deadline = System.nanoTime() + stopTimeout.toNanos();
    try {
      while (!finished.await(200, TimeUnit.MILLISECONDS)) {
        if (System.nanoTime() - deadline > 0) {
          log.line(null, "the run did not stop within " + stopTimeout.toSeconds()
              + "s; exiting anyway: resume it with mailsweep restart RUN_ID");
          return;
        }
        runner.stopCurrent();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Removes {@code hook} unless the JVM is already shutting down (the hook then holds the exit). */
  static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down: the hook is running and holds the exit until we return.
    }
  }
}
