package io.mailsweep.job;

import io.mailsweep.scan.ProgressMeter;
import io.mailsweep.store.InputRowRepository;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Starts and stops the progress meter around the whole partitioned scan step. When the partitions
 * execute on remote workers, the meter follows the results committed to the shared database.
 */
final class ScanProgressListener implements StepExecutionListener {
  private final ScanEngines engines;
  private final InputRowRepository rows;
  private final boolean remote;
  private ScheduledExecutorService counter;

  ScanProgressListener(ScanEngines engines, InputRowRepository rows, boolean remote) {
    this.engines = engines;
    this.rows = rows;
    this.remote = remote;
  }

  @Override
  public void beforeStep(StepExecution step) {
    var parameters = step.getJobExecution().getJobParameters();
    long runId = RunParameters.runId(parameters);
    ScanRequest request = RunParameters.request(parameters);
    long unscanned = rows.countUnscanned(runId);
    ProgressMeter meter = engines.engine(runId, request).startProgress(unscanned);
    if (remote) {
      Duration every = request.settings().progressInterval();
      long ms = Math.max(1_000, every.isZero() ? 5_000 : every.toMillis());
      counter = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mailsweep-remote-progress");
        t.setDaemon(true);
        return t;
      });
      counter.scheduleWithFixedDelay(() -> follow(meter, runId, unscanned), ms / 2, ms, TimeUnit.MILLISECONDS);
    }
  }

  /** Moves the meter to the results committed so far; a failed count waits for the next turn. */
  private void follow(ProgressMeter meter, long runId, long unscanned) {
    try {
      meter.advance(unscanned - rows.countUnscanned(runId) - meter.done());
    } catch (RuntimeException e) {
      // the database is busy or briefly away; the partitions' own retries decide the run
    }
  }

  @Override
  public ExitStatus afterStep(StepExecution step) {
    if (counter != null) {
      counter.shutdownNow();
    }
    var parameters = step.getJobExecution().getJobParameters();
    engines.engine(RunParameters.runId(parameters), RunParameters.request(parameters)).progress().stop();
    return null;
  }
}
