package io.mailsweep.job;

import io.mailsweep.report.ReportFiles;
import io.mailsweep.report.ReportFormat;
import io.mailsweep.report.RunReports;
import io.mailsweep.store.RunRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes the run's report files into the output folder, named {@code mailsweep-report-<date>} plus
 * each format's extension ({@link ReportFiles}). When another run already wrote a file of those
 * names, the run id is added to the name rather than overwrite an auditor's copy; a restarted run
 * rewrites the files it recorded.
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
    ReportFiles files = target(dir, runId, runs.find(runId).map(r -> r.reportFile()).orElse(null), request.formats());
    reports.write(runId, files, request.formats());
    runs.recordReport(runId, files.main(request.formats()).toAbsolutePath().toString());
    return RepeatStatus.FINISHED;
  }

  static ReportFiles target(Path dir, long runId, String earlier, Set<ReportFormat> formats) {
    if (earlier != null) {
      return ReportFiles.ofMain(Path.of(earlier));
    }
    String date = LocalDate.now(ZoneOffset.UTC).toString();
    ReportFiles plain = new ReportFiles(dir.resolve("mailsweep-report-" + date));
    return plain.anyExists(formats) ? new ReportFiles(dir.resolve("mailsweep-report-" + date + "-run" + runId)) : plain;
  }
}
