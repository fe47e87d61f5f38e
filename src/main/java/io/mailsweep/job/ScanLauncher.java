package io.mailsweep.job;

import io.mailsweep.store.IdentityRepair;
import io.mailsweep.store.RunCounts;
import io.mailsweep.store.RunRepository;
import io.mailsweep.store.ScanRun;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Starts and restarts scan runs and reports how they ended. */
@Component
public class ScanLauncher {
  private final JobOperator operator;
  private final JobRepository repository;
  private final Job scanJob;
  private final RunRepository runs;
  private final JdbcTemplate jdbc;

  public ScanLauncher(JobOperator operator, JobRepository repository, Job scanJob, RunRepository runs,
      JdbcTemplate jdbc) {
    this.operator = operator;
    this.repository = repository;
    this.scanJob = scanJob;
    this.runs = runs;
    this.jdbc = jdbc;
  }

  /** Records a new run and executes it to the end. */
  public RunOutcome scan(ScanRequest request, String inputSha256, String toolVersion) throws Exception {
    return scan(request, inputSha256, toolVersion, Workers.LOCAL);
  }

  /** Records a new run and executes it to the end, its partitions where {@code workers} says. */
  public RunOutcome scan(ScanRequest request, String inputSha256, String toolVersion, Workers workers)
      throws Exception {
    Map<String, String> described = new LinkedHashMap<>(RunParameters.describe(request));
    if (workers != Workers.LOCAL) {
      described.put(Workers.PARAMETER, workers.text());
    }
    long runId = runs.create(new ScanRun(0, request.jobName(), request.input().toAbsolutePath().toString(),
        inputSha256, request.column(), described.get("dns.resolvers"), described.get("checks"),
        asText(described), toolVersion, Instant.now(), null, "STARTED", null, null, RunCounts.NONE));
    JobExecution execution = operator.start(scanJob, RunParameters.of(runId, request, workers));
    return outcome(runId, execution);
  }

  /**
   * Resumes an interrupted run from its last committed chunk. An execution left "running" by a
   * killed process is first marked failed, which Spring Batch requires before a restart.
   */
  public RunOutcome restart(long runId) throws Exception {
    JobExecution last = lastExecution(runId);
    if (last.getStatus() == BatchStatus.COMPLETED) {
      throw new IllegalArgumentException("run " + runId + " already completed; nothing to resume");
    }
    if (last.isRunning() || last.getStatus() == BatchStatus.STOPPING) {
      last = operator.recover(last);
    }
    new IdentityRepair(jdbc).afterCrash();
    JobExecution execution = operator.restart(last);
    return outcome(runId, execution);
  }

  /** The stored request of a run, to check its input before resuming it. */
  public ScanRequest request(long runId) {
    return RunParameters.request(lastExecution(runId).getJobParameters());
  }

  /** Where the run's partitions execute. */
  public Workers workers(long runId) {
    return Workers.of(lastExecution(runId).getJobParameters());
  }

  public ScanRun run(long runId) {
    return runs.find(runId).orElseThrow(() -> new IllegalArgumentException("there is no run " + runId));
  }

  private JobExecution lastExecution(long runId) {
    run(runId);
    JobParameters identifying = new JobParametersBuilder().addLong(RunParameters.RUN_ID, runId, true).toJobParameters();
    JobInstance instance = repository.getJobInstance(ScanJobConfiguration.JOB_NAME, identifying);
    JobExecution last = instance == null ? null : repository.getLastJobExecution(instance);
    if (last == null) {
      throw new IllegalArgumentException("run " + runId + " never started its job; start a new scan instead");
    }
    return last;
  }

  private RunOutcome outcome(long runId, JobExecution execution) {
    ScanRun run = run(runId);
    boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
    String failure = completed ? null : execution.getAllFailureExceptions().stream()
        .map(ScanLauncher::rootMessage).distinct().collect(Collectors.joining("; "));
    if (failure != null && failure.isEmpty()) {
      failure = execution.getExitStatus().getExitDescription();
    }
    Map<String, Long> statuses = new LinkedHashMap<>();
    jdbc.query("SELECT status, COUNT(*) FROM domain_result WHERE run_id = ? GROUP BY status ORDER BY status",
        rs -> {
          statuses.put(rs.getString(1), rs.getLong(2));
        }, runId);
    return new RunOutcome(runId, completed, failure, run.counts(), statuses, run.resolverHealth(), run.reportFile());
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  private static String asText(Map<String, String> parameters) {
    return parameters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("\n"));
  }
}
