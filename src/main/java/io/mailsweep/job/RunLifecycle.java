package io.mailsweep.job;

import io.mailsweep.store.RunRepository;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/** Keeps {@code scan_run.status} in step with the job and frees the run's engine at the end. */
public final class RunLifecycle implements JobExecutionListener {
  private static final Logger log = LoggerFactory.getLogger(RunLifecycle.class);

  private final RunRepository runs;
  private final ScanEngines engines;

  public RunLifecycle(RunRepository runs, ScanEngines engines) {
    this.runs = runs;
    this.engines = engines;
  }

  @Override
  public void beforeJob(JobExecution execution) {
    long runId = RunParameters.runId(execution.getJobParameters());
    runs.restarted(runId);
    log.info("run {} started (job execution {}) on {}; if interrupted, resume it with: mailsweep restart {}",
        runId, execution.getId(), JvmFacts.current().describe(), runId);
  }

  @Override
  public void afterJob(JobExecution execution) {
    long runId = RunParameters.runId(execution.getJobParameters());
    String status = execution.getStatus() == BatchStatus.COMPLETED ? "COMPLETED" : "FAILED";
    runs.finish(runId, status, Instant.now());
    if (Workers.of(execution.getJobParameters()) == Workers.LOCAL) {
      engines.stats(runId).ifPresent(stats -> log.info("run {}: {}", runId, stats));
    }
    engines.release(runId);
  }
}
