package io.mailsweep.job;

import io.mailsweep.input.InputRow;
import io.mailsweep.report.RunReports;
import io.mailsweep.report.WorkbookReport;
import io.mailsweep.scan.ScannedDomain;
import io.mailsweep.store.ImportedRow;
import io.mailsweep.store.InputRowRepository;
import io.mailsweep.store.ResultRepository;
import io.mailsweep.store.RunRepository;
import io.mailsweep.job.remote.LiveJobGuard;
import io.mailsweep.job.remote.RemotePartitioningConfiguration;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.batch.core.step.builder.PartitionStepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Queue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The scan job: checkResolver → importDomains → markDuplicates → scanDomains (partitioned) →
 * writeReport. Wiring only; the work is done by plain classes in input, scan, store and report.
 */
@Configuration(proxyBeanMethods = false)
public class ScanJobConfiguration {
  public static final String JOB_NAME = "scanJob";
  private static final String RUN_ID = "#{jobParameters['run.id']}";
  private static final String PARAMETERS = "#{stepExecution.jobExecution.jobParameters}";

  @Bean
  Job scanJob(JobRepository repository, Step checkResolver, Step importDomains, Step markDuplicates,
      Step scanDomains, Step writeReport, RunLifecycle lifecycle) {
    return new JobBuilder(JOB_NAME, repository)
        .listener(lifecycle)
        .start(checkResolver)
        .next(importDomains)
        .next(markDuplicates)
        .next(scanDomains)
        .next(writeReport)
        .build();
  }

  @Bean
  RunRepository runRepository(JdbcTemplate jdbc) {
    return new RunRepository(jdbc);
  }

  @Bean
  InputRowRepository inputRowRepository(JdbcTemplate jdbc) {
    return new InputRowRepository(jdbc);
  }

  @Bean
  ResultRepository resultRepository(JdbcTemplate jdbc) {
    return new ResultRepository(jdbc);
  }

  @Bean
  ScanEngines scanEngines(JdbcTemplate jdbc) {
    return new ScanEngines(jdbc);
  }

  @Bean
  RunLifecycle runLifecycle(RunRepository runs, ScanEngines engines) {
    return new RunLifecycle(runs, engines);
  }

  @Bean
  Step checkResolver(JobRepository repository, PlatformTransactionManager tx, ScanEngines engines,
      RunRepository runs) {
    return new StepBuilder("checkResolver", repository)
        .tasklet(new ResolverCheckTasklet(engines, runs), tx)
        .allowStartIfComplete(true)
        .build();
  }

  @Bean
  Step importDomains(JobRepository repository, PlatformTransactionManager tx,
      CsvImportReader importReader, InputRowRepository rows, @Value("${mailsweep.import.chunk:1000}") int chunk) {
    return new StepBuilder("importDomains", repository)
        .<InputRow, ImportedRow>chunk(chunk)
        .transactionManager(tx)
        .reader(importReader)
        .processor(new ImportProcessor())
        .writer(items -> rows.insert(importReader.runId(), items.getItems()))
        .build();
  }

  @Bean
  @StepScope
  CsvImportReader importReader(@Value(PARAMETERS) JobParameters parameters, RunRepository runs) {
    return new CsvImportReader(parameters, runs);
  }

  @Bean
  Step markDuplicates(JobRepository repository, PlatformTransactionManager tx, InputRowRepository rows) {
    return new StepBuilder("markDuplicates", repository)
        .tasklet((contribution, context) -> {
          long runId = RunParameters.runId(contribution.getStepExecution().getJobExecution().getJobParameters());
          contribution.incrementWriteCount(rows.markDuplicates(runId));
          return null;
        }, tx)
        .build();
  }

  /**
   * Local runs execute the partitions on {@code threads} threads of this process; runs with
   * {@code --workers amqp} send them to the workers and poll the job repository for their end.
   */
  @Bean
  @JobScope
  Step scanDomains(JobRepository repository, Step scanPartition, InputRowRepository rows,
      ScanEngines engines, ObjectProvider<MessagingTemplate> partitionMessages, @Value(RUN_ID) long runId,
      @Value("#{jobParameters['workers']}") String workers,
      @Value("#{jobParameters['partitions']}") int partitions,
      @Value("#{jobParameters['threads']}") int threads,
      @Value("${mailsweep.remote.poll-interval:2s}") Duration pollInterval,
      @Value("${mailsweep.remote.timeout:0s}") Duration timeout,
      @Value("${mailsweep.remote.stall-warning:2m}") Duration stallWarning,
      ObjectProvider<AmqpAdmin> amqpAdmin, ObjectProvider<Queue> partitionQueue) throws Exception {
    PartitionStepBuilder step = new StepBuilder("scanDomains", repository)
        .partitioner(RemotePartitioningConfiguration.WORKER_STEP, new DomainRangePartitioner(rows, runId));
    if (Workers.of(workers) == Workers.AMQP) {
      return step
          .partitionHandler(RemotePartitioningConfiguration.handler(partitionMessages.getObject(), repository,
              partitions, pollInterval, timeout))
          .listener(new ScanProgressListener(engines, rows, () -> RemotePartitioningConfiguration.describe(amqpAdmin
              .getObject(), partitionQueue.getObject()), stallWarning))
          .build();
    }
    SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("mailsweep-partition-");
    executor.setConcurrencyLimit(threads);
    return step
        .step(scanPartition)
        .gridSize(partitions)
        .taskExecutor(executor)
        .listener(new ScanProgressListener(engines, rows))
        .build();
  }

  @Bean
  Step scanPartition(JobRepository repository, PlatformTransactionManager tx,
      WindowedScanReader scanReader, ItemWriter<ScannedDomain> scanWriter,
      @Value("${mailsweep.scan.chunk-size:500}") int chunk) {
    return new StepBuilder("scanPartition", repository)
        .<ScannedDomain, ScannedDomain>chunk(chunk)
        .transactionManager(tx)
        .reader(scanReader)
        .writer(scanWriter)
        .build();
  }

  /** The partition's domains without a committed result, scanned a window at a time. */
  @Bean
  @StepScope
  WindowedScanReader scanReader(JdbcTemplate jdbc, ScanEngines engines, RunRepository runs,
      @Value(RUN_ID) long runId, @Value(PARAMETERS) JobParameters parameters,
      @Value("#{stepExecutionContext['minId']}") long minId,
      @Value("#{stepExecutionContext['maxId']}") long maxId,
      @Value("${mailsweep.scan.chunk-size:500}") int chunk) {
    ScanRequest request = RunParameters.request(parameters);
    ScanStarter starter = new ScanStarter(engines.engine(runId, parameters).scanner(), runs.extraColumns(runId));
    int window = Math.max(chunk, request.partitionWindow());
    return new WindowedScanReader(new UnscannedDomains(jdbc, runId, minId, maxId), starter, window,
        Math.min(window, 1_000), request.settings().longestDomainScan().plusMinutes(1));
  }

  /**
   * Writes a chunk's results; on a worker of a remote run, only while the partition's job
   * execution is still running ({@link LiveJobGuard}).
   */
  @Bean
  @StepScope
  ItemWriter<ScannedDomain> scanWriter(ResultRepository results, ScanEngines engines, JdbcTemplate jdbc,
      @Value(RUN_ID) long runId, @Value(PARAMETERS) JobParameters parameters,
      @Value("#{stepExecution.jobExecutionId}") long jobExecutionId) {
    ScanResultWriter writer = new ScanResultWriter(results, runId, engines.engine(runId, parameters).progress());
    if (Workers.of(parameters) == Workers.LOCAL) {
      return writer;
    }
    LiveJobGuard guard = new LiveJobGuard(jdbc);
    return chunk -> {
      guard.check(jobExecutionId);
      writer.write(chunk);
    };
  }

  @Bean
  WorkbookReport workbookReport(DataSource dataSource) {
    return new WorkbookReport(dataSource);
  }

  @Bean
  Step writeReport(JobRepository repository, PlatformTransactionManager tx, WorkbookReport report,
      RunRepository runs, DataSource dataSource) {
    return new StepBuilder("writeReport", repository)
        .tasklet(new ReportTasklet(new RunReports(report, dataSource), runs), tx)
        .build();
  }
}
