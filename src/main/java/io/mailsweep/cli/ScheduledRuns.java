package io.mailsweep.cli;

import io.mailsweep.job.RunParameters;
import io.mailsweep.job.ScanEngines;
import io.mailsweep.job.ScanJobConfiguration;
import io.mailsweep.schedule.JobRunner;
import io.mailsweep.schedule.ScheduledJob;
import java.io.PrintWriter;
import java.util.Set;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * Runs a scheduled job as {@code mailsweep run FILE} does, in this process: the job file is read
 * afresh, a Spring context is started for the run and closed after it, and its summary is
 * printed. One run at a time.
 */
final class ScheduledRuns implements JobRunner {
  private final PrintWriter out;
  private final PrintWriter err;
  private volatile ConfigurableApplicationContext current;

  ScheduledRuns(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public int run(ScheduledJob job) {
    CommandLine cli = new CommandLine(new RunCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new ErrorHandler());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    try {
      return AppContext.observed(context -> current = context, () -> cli.execute(job.file().toString()));
    } finally {
      current = null;
    }
  }

  /**
   * Marks this process's running scan execution STOPPING in the job repository; its partitions
   * see that at their next chunk commit and end STOPPED, restartable with {@code mailsweep restart}.
   * Executions of other processes sharing the database are left alone.
   */
  @Override
  public void stopCurrent() {
    ConfigurableApplicationContext context = current;
    if (context == null || !context.isActive()) {
      return;
    }
    try {
      Set<Long> ours = context.getBean(ScanEngines.class).runs();
      JobOperator operator = context.getBean(JobOperator.class);
      for (JobExecution e : context.getBean(JobRepository.class)
          .findRunningJobExecutions(ScanJobConfiguration.JOB_NAME)) {
        boolean running = e.getStatus() == BatchStatus.STARTED || e.getStatus() == BatchStatus.STARTING;
        if (running && ours.contains(RunParameters.runId(e.getJobParameters()))) {
          operator.stop(e);
        }
      }
    } catch (RuntimeException | org.springframework.batch.core.launch.JobExecutionNotRunningException e) {
      // The run ended or its context is closing meanwhile: nothing left to stop.
    }
  }
}
