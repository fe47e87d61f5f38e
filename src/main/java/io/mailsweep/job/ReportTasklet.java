package io.mailsweep.job;

import io.mailsweep.report.ReportFiles;
import io.mailsweep.report.ReportFormat;
import io.mailsweep.report.RunReports;
import io.mailsweep.store.RunRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**

 * Writes the run's report files into the output folder, named by the run's {@link ReportName}
 * pattern ({@code mailsweep-report-<date>.xlsx} by default; the other formats share its base name,
 * {@link ReportFiles}). When another run already wrote a file of those names, the run id is added
 * to the name rather than overwrite an auditor's copy; a restarted run rewrites the files it
 * recorded.
 */
public final class ReportTasklet implements Tasklet {
  private final RunReports reports;
  private final RunRepository runs;

  public ReportTasklet(RunReports reports, RunRepository runs) {
    this.reports = reports;
    this.runs = runs;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext context) throws Exception {
    JobParameters parameters = contribution.getStepExecution().getJobExecution().getJobParameters();
    long runId = RunParameters.runId(parameters);
    ScanRequest request = RunParameters.request(parameters);
    Path dir = request.outDir().toAbsolutePath().normalize();
    Files.createDirectories(dir);
    ReportFiles files = target(dir, runId, runs.find(runId).map(r -> r.reportFile()).orElse(null),
        request.reportName(), request.jobName(), Instant.now(), request.formats());
    reports.write(runId, files, request.formats(), request.profile());
    runs.recordReport(runId, files.main(request.formats()).toAbsolutePath().toString());
    return RepeatStatus.FINISHED;
  }

  /** @param earlier the main file a previous attempt of this run wrote, kept by a restart */
  static ReportFiles target(Path dir, long runId, String earlier, ReportName name, String jobName, Instant now,
      Set<ReportFormat> formats) {
    if (earlier != null) {
      return ReportFiles.ofMain(Path.of(earlier));
    }
    ReportFiles plain = base(dir, name.render(jobName, now, runId));
    return plain.anyExists(formats) ? base(dir, name.renderUnique(jobName, now, runId)) : plain;
  }

  /** The report files named after a workbook file name (which ends .xlsx). */
  private static ReportFiles base(Path dir, String workbookName) {
    return ReportFiles.ofMain(dir.resolve(workbookName));
  }
}
