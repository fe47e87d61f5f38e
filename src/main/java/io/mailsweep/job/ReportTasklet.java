package io.mailsweep.job;

import io.mailsweep.report.WorkbookReport;
import io.mailsweep.store.RunRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes the workbook into the output folder, named by the run's {@link ReportName} pattern
 * ({@code mailsweep-report-<date>.xlsx} by default). When a file of that name already exists, the
 * run id is added to the name rather than overwrite an auditor's copy.
 */
public final class ReportTasklet implements Tasklet {
  private final WorkbookReport report;
  private final RunRepository runs;

  public ReportTasklet(WorkbookReport report, RunRepository runs) {
    this.report = report;
    this.runs = runs;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext context) throws Exception {
    JobParameters parameters = contribution.getStepExecution().getJobExecution().getJobParameters();
    long runId = RunParameters.runId(parameters);
    ScanRequest request = RunParameters.request(parameters);
    Path dir = request.outDir().toAbsolutePath().normalize();
    Files.createDirectories(dir);
    Path target = target(dir, runId, runs.find(runId).map(r -> r.reportFile()).orElse(null),
        request.reportName(), request.jobName(), Instant.now());
    report.write(runId, target);
    runs.recordReport(runId, target.toAbsolutePath().toString());
    return RepeatStatus.FINISHED;
  }

  /** @param earlier the file a previous attempt of this run wrote, kept by a restart */
  static Path target(Path dir, long runId, String earlier, ReportName name, String jobName, Instant now) {
    if (earlier != null) {
      return Path.of(earlier);
    }
    Path plain = dir.resolve(name.render(jobName, now, runId));
    return Files.exists(plain) ? dir.resolve(name.renderUnique(jobName, now, runId)) : plain;
  }
}
