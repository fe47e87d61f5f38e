package io.mailsweep.job;

import io.mailsweep.scan.ProgressMeter;
import io.mailsweep.schedule.ScheduleLog;
import io.mailsweep.store.InputRowRepository;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Starts and stops the progress meter around the whole partitioned scan step. When the partitions
 * execute on remote workers, the meter follows the results committed to the shared database.
 */
final class ScanProgressListener implements StepExecutionListener {
  private static final Logger log = LoggerFactory.getLogger(ScanProgressListener.class);

  private final ScanEngines engines;
  private final InputRowRepository rows;
  private final Supplier<String> queue;
  private final Duration stallWarning;
  private ScheduledExecutorService counter;
  private long lastDone = -1;
  private long lastChangeNanos = System.nanoTime();

  /** For a local run: the partitions' writers advance the meter. */
  ScanProgressListener(ScanEngines engines, InputRowRepository rows) {
    this(engines, rows, null, Duration.ZERO);
  }

  /**
   * For a remote run: the meter follows the committed results; when none has been committed for
   * {@code stallWarning}, a warning says what the queue holds and how many workers consume it.
   */
  ScanProgressListener(ScanEngines engines, InputRowRepository rows, Supplier<String> queue, Duration stallWarning) {
    this.engines = engines;
    this.rows = rows;
    this.queue = queue;
    this.stallWarning = stallWarning;
  }

  @Override
  public void beforeStep(StepExecution step) {
    var parameters = step.getJobExecution().getJobParameters();
    long runId = RunParameters.runId(parameters);
    ScanRequest request = RunParameters.request(parameters);
    long unscanned = rows.countUnscanned(runId);
    ProgressMeter meter = engines.engine(runId, request).startProgress(unscanned);
    if (queue != null) {
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
      return; // the database is busy or briefly away; the partitions' own retries decide the run
    }
    long now = System.nanoTime();
    if (meter.done() != lastDone) {
      lastDone = meter.done();
      lastChangeNanos = now;
    } else if (!stallWarning.isZero() && now - lastChangeNanos >= stallWarning.toNanos()) {
      lastChangeNanos = now;
      log.warn("no result committed for {}: {}. Start workers with 'mailsweep worker --db <this run's database>'"
          + " on the same queue (MAILSWEEP_REMOTE_QUEUE).", ScheduleLog.human(stallWarning), queue.get());
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
