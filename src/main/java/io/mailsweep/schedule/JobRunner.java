package io.mailsweep.schedule;

/** Runs one job to its end; the scheduler calls it from one thread, one run at a time. */
public interface JobRunner {
  /**
   * @return the run's exit code ({@code io.mailsweep.cli.ExitCodes})
   * @throws Exception for a fault the runner could not turn into an exit code; the scheduler logs
   *     it and carries on
   */
  int run(ScheduledJob job) throws Exception;

  /**
   * Asks the run in progress, if any, to stop at its next chunk boundary so that it can be
   * resumed. Called from another thread, possibly repeatedly and when no run is in progress.
   */
  void stopCurrent();
}
