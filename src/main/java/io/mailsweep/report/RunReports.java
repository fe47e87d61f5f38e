package io.mailsweep.report;

import io.mailsweep.policy.DomainFacts;
import io.mailsweep.store.FactsRepository;
import java.util.stream.Stream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
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

  /** As above, the workbook judging domains against compliance profile {@code profile} (null: none). */
  public List<Path> write(long runId, ReportFiles files, Set<ReportFormat> formats, String profile) {
    if (formats.contains(ReportFormat.XLSX)) {
      workbook.write(runId, files.workbook(), profile);
    }
    if (formats.contains(ReportFormat.CSV) || formats.contains(ReportFormat.JSONL)) {
      readOnly.executeWithoutResult(transaction -> writeData(runId, files, formats, Judge.load(profile)));
    }
    return files.files(formats);
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
