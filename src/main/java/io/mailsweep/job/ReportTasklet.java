package io.mailsweep.job;

import io.mailsweep.report.WorkbookReport;
import io.mailsweep.store.RunRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes {@code mailsweep-report-<date>.xlsx} into the output folder. When another run already
 * wrote that file, the run id is added to the name rather than overwrite an auditor's copy.
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
    Path dir = RunParameters.request(parameters).outDir().toAbsolutePath().normalize();
    Files.createDirectories(dir);
    Path target = target(dir, runId, runs.find(runId).map(r -> r.reportFile()).orElse(null));
    report.write(runId, target);
    runs.recordReport(runId, target.toAbsolutePath().toString());
    return RepeatStatus.FINISHED;
  }

  static Path target(Path dir, long runId, String earlier) {
    if (earlier != null) {
      return Path.of(earlier);
    }
    String date = LocalDate.now(ZoneOffset.UTC).toString();
    Path plain = dir.resolve("mailsweep-report-" + date + ".xlsx");
    return Files.exists(plain) ? dir.resolve("mailsweep-report-" + date + "-run" + runId + ".xlsx") : plain;
  }
}
