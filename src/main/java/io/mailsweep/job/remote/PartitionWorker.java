package io.mailsweep.job.remote;

import io.mailsweep.job.RunParameters;
import io.mailsweep.job.ScanEngines;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * Executes the partition requests a worker takes from the queue. The request names a partition's
 * step execution; everything else (the run, its options, the partition's range and how far it got)
 * comes from the shared job repository, so a partition that RabbitMQ hands to a second worker after
 * the first died resumes after its last committed chunk.
 *
 * <p>A request for a partition that already completed (delivered twice) or whose job execution has
 * ended (the manager failed or was restarted; a restart sends requests of its own) is dropped.
 * The run's scan engine (DNS cache, sockets) lives while this worker has a partition of that run.
 */
public final class PartitionWorker {
  private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

  private final JobRepository repository;
  private final Step partitionStep;
  private final ScanEngines engines;
  private final Map<Long, Integer> activeByRun = new HashMap<>();
  private int active;
  private long idleSinceNanos = System.nanoTime();
  private long partitionsDone;

  public PartitionWorker(JobRepository repository, Step partitionStep, ScanEngines engines) {
    this.repository = repository;
    this.partitionStep = partitionStep;
    this.engines = engines;
  }

  public void handle(StepExecutionRequest request) {
    if (!RemotePartitioningConfiguration.WORKER_STEP.equals(request.getStepName())) {
      throw new AmqpRejectAndDontRequeueException("unknown step in " + request);
    }
    StepExecution partition = repository.getStepExecution(request.getStepExecutionId());
    if (partition == null) {
      log.warn("{}: no such partition in this database; dropped", request);
      return;
    }
    String skip = reasonToSkip(partition);
    if (skip != null) {
      log.info("{} ({}): {}; dropped", partition.getStepName(), partition.getId(), skip);
      return;
    }
    long runId = RunParameters.runId(partition.getJobExecution().getJobParameters());
    enter(runId);
    long started = System.nanoTime();
    try {
      log.info("run {}: {} started{}", runId, partition.getStepName(),
          partition.getStatus() == BatchStatus.STARTING ? "" : " (resumed: " + partition.getStatus() + " before)");
      execute(partition);
    } finally {
      leave(runId);
    }
    log.info("run {}: {} {}: {} domains scanned in {}", runId, partition.getStepName(),
        partition.getStatus().name().toLowerCase(Locale.ROOT), partition.getWriteCount(),
        seconds(System.nanoTime() - started));
  }

  /** Why a request is not executed, or null. */
  static String reasonToSkip(StepExecution partition) {
    if (partition.getStatus() == BatchStatus.COMPLETED) {
      return "already completed";
    }
    JobExecution job = partition.getJobExecution();
    if (job.getEndTime() != null || !job.getStatus().isRunning()) {
      return "its job execution " + job.getId() + " is " + job.getStatus() + "; a restart sends new requests";
    }
    return null;
  }

  private void execute(StepExecution partition) {
    try {
      partitionStep.execute(partition);
    } catch (JobInterruptedException e) {
      partition.setStatus(BatchStatus.STOPPED);
      repository.update(partition);
    } catch (RuntimeException e) {
      partition.addFailureException(e);
      partition.setStatus(BatchStatus.FAILED);
      repository.update(partition);
    }
  }

  private synchronized void enter(long runId) {
    activeByRun.merge(runId, 1, Integer::sum);
    active++;
  }

  private synchronized void leave(long runId) {
    if (activeByRun.merge(runId, -1, Integer::sum) == 0) {
      activeByRun.remove(runId);
      engines.release(runId);
    }
    active--;
    partitionsDone++;
    if (active == 0) {
      idleSinceNanos = System.nanoTime();
    }
  }

  /** How long no partition has been executing here; zero while one is. */
  public synchronized Duration idle() {
    return active > 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - idleSinceNanos);
  }

  public synchronized long partitionsDone() {
    return partitionsDone;
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
  }
}
