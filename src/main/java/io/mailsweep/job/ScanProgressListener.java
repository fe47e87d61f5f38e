package io.mailsweep.job;

import io.mailsweep.store.InputRowRepository;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/** Starts and stops the progress meter around the whole partitioned scan step. */
final class ScanProgressListener implements StepExecutionListener {
  private final ScanEngines engines;
  private final InputRowRepository rows;

  ScanProgressListener(ScanEngines engines, InputRowRepository rows) {
    this.engines = engines;
    this.rows = rows;
  }

  @Override
  public void beforeStep(StepExecution step) {
    var parameters = step.getJobExecution().getJobParameters();
    long runId = RunParameters.runId(parameters);
    engines.engine(runId, RunParameters.request(parameters)).startProgress(rows.countUnscanned(runId));
  }

  @Override
  public ExitStatus afterStep(StepExecution step) {
    var parameters = step.getJobExecution().getJobParameters();
    engines.engine(RunParameters.runId(parameters), RunParameters.request(parameters)).progress().stop();
    return null;
  }
}
