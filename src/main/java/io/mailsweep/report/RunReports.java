package io.mailsweep.report;

import io.mailsweep.policy.DomainFacts;
import io.mailsweep.store.FactsRepository;
import java.util.stream.Stream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a stored run's report in the formats asked for: the workbook ({@link WorkbookReport}),
 * CSV ({@link CsvReport}) and JSON Lines ({@link JsonLinesReport}), each file streamed from the
 * database and moved into place only when complete.
 */
public final class RunReports {

  private final WorkbookReport workbook;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate readOnly;

  public RunReports(WorkbookReport workbook, DataSource dataSource) {
    this.workbook = workbook;
    this.jdbc = new JdbcTemplate(dataSource);
    this.jdbc.setFetchSize(WorkbookReport.FETCH_SIZE);
    this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.readOnly.setReadOnly(true);
    this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
  }

  /**
   * Writes run {@code runId}'s report files for {@code formats}, replacing files of the same names.
   *
   * @return the files written, workbook first
   * @throws IllegalArgumentException if there is no run {@code runId}; nothing is written
   * @throws java.io.UncheckedIOException if a file cannot be written
   */
  public List<Path> write(long runId, ReportFiles files, Set<ReportFormat> formats) {
    return write(runId, files, formats, null);
  }

  /**
   * As above, the workbook judging domains against compliance profile {@code profile} (null: none).
   * The workbook and the data files (CSV, JSON Lines) are independent reads of the stored run, each
   * in its own read-only transaction: when both are asked for, the data files are written on a
   * second thread while the workbook is, which on a large run takes the report step from the sum
   * of the two to about the longer one. A failure of either is thrown once both have finished.
   */
  public List<Path> write(long runId, ReportFiles files, Set<ReportFormat> formats, String profile) {
    boolean book = formats.contains(ReportFormat.XLSX);
    boolean data = formats.contains(ReportFormat.CSV) || formats.contains(ReportFormat.JSONL);
    Runnable dataFiles = () -> readOnly.executeWithoutResult(
        transaction -> writeData(runId, files, formats, Judge.load(profile)));
    if (book && data) {
      FutureTask<Void> second = new FutureTask<>(dataFiles, null);
      Thread thread = new Thread(second, "mailsweep-report-data");
      thread.start();
      try {
        workbook.write(runId, files.workbook(), profile);
      } finally {
        awaitQuietly(second);
      }
      rethrow(second);
    } else if (book) {
      workbook.write(runId, files.workbook(), profile);
    } else if (data) {
      dataFiles.run();
    }
    return files.files(formats);
  }

  /** Waits for {@code task} to finish, not interrupting it: H2 treats an interrupt as a closed file. */
  private static void awaitQuietly(FutureTask<?> task) {
    boolean interrupted = false;
    while (!task.isDone()) {
      try {
        task.get();
      } catch (InterruptedException e) {
        interrupted = true;
      } catch (ExecutionException e) {
        break;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void rethrow(FutureTask<?> finished) {
    try {
      finished.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the report", e);
    }
  }

  private void writeData(long runId, ReportFiles files, Set<ReportFormat> formats, Judge judge) {
    RunInfo run = RunInfo.load(jdbc, runId)
        .orElseThrow(() -> new IllegalArgumentException("No scan run with id " + runId));
    if (formats.contains(ReportFormat.CSV)) {
      CsvReport csv = new CsvReport(jdbc);
      try (Stream<DomainFacts> domains = new FactsRepository(jdbc.getDataSource()).domains(run.id(),
          FactsRepository.Order.LINE)) {
        Verdicts verdicts = judge.profile() == null ? null : new Verdicts(judge.profile(), domains.iterator());
        AtomicFile.write(files.domainsCsv(), file -> csv.writeDomains(run, file, verdicts));
      }
      AtomicFile.write(files.findingsCsv(), file -> csv.writeFindings(run.id(), file));
    }
    if (formats.contains(ReportFormat.JSONL)) {
      try (Stream<DomainFacts> domains = new FactsRepository(jdbc.getDataSource()).domains(run.id(),
          FactsRepository.Order.LINE)) {
        Verdicts verdicts = judge.profile() == null ? null : new Verdicts(judge.profile(), domains.iterator());
        AtomicFile.write(files.jsonLines(), file -> new JsonLinesReport(jdbc).write(run, file, verdicts));
      }
    }
  }
}
