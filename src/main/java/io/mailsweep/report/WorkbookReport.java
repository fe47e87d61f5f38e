package io.mailsweep.report;

import io.mailsweep.check.access.MailAccessCheck;
import io.mailsweep.history.Drift;
import io.mailsweep.scan.CheckCatalog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import javax.sql.DataSource;
import org.apache.poi.ss.SpreadsheetVersion;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the auditors' workbook for one stored scan run: sheets Summary (with charts), Domains,
 * Findings, Evidence, Rejected input, Run info and Mail servers (when a transport check ran), each
 * table continuing on "Name (2)", ... past the per-sheet row limit, every sheet set up to print
 * ({@link PrintLayout}).
 *
 * <p>Memory stays flat in the size of the run: every table is read with a streaming query and
 * written through a streaming workbook that keeps only a window of rows in memory. All queries
 * run in one read-only, repeatable-read transaction, so the counts on Summary agree with the rows
 * on the other sheets even while a run is still being written. The file appears at the target
 * only when complete: it is written beside it and moved into place atomically.
 */
public final class WorkbookReport {

  /** Excel's row limit per sheet (XLSX), the default {@code maxRowsPerSheet}. */
  public static final int EXCEL_MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();

  static final int ROW_ACCESS_WINDOW = 100;
  static final int FETCH_SIZE = 1000;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate readOnly;
  private final int maxRowsPerSheet;

  public WorkbookReport(DataSource dataSource) {
    this(dataSource, EXCEL_MAX_ROWS);
  }

  /**
   * @param maxRowsPerSheet rows per sheet including the header row, from 2 to {@link #EXCEL_MAX_ROWS}
   */
  public WorkbookReport(DataSource dataSource, int maxRowsPerSheet) {
    if (maxRowsPerSheet < 2 || maxRowsPerSheet > EXCEL_MAX_ROWS) {
      throw new IllegalArgumentException(
          "maxRowsPerSheet must be 2.." + EXCEL_MAX_ROWS + ", was " + maxRowsPerSheet);
    }
    this.jdbc = new JdbcTemplate(dataSource);
    this.jdbc.setFetchSize(FETCH_SIZE);
    this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.readOnly.setReadOnly(true);
    this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    this.maxRowsPerSheet = maxRowsPerSheet;
  }

  /**
   * Writes the workbook for run {@code runId} to {@code target}, replacing any file there.
   *
   * @throws IllegalArgumentException if there is no run {@code runId}; nothing is written
   * @throws UncheckedIOException if the file cannot be written; {@code target} is left untouched
   * @throws org.springframework.dao.DataAccessException if the database cannot be read
   */
  public void write(long runId, Path target) {
    write(runId, target, null);
  }

  /**
   * As {@link #write(long, Path)}, judging every domain against compliance profile {@code profile}
   * (a shipped name or a file; null for none). A profile that cannot be loaded leaves the verdicts
   * out and says why on the Summary sheet.
   */
  public void write(long runId, Path target, String profile) {
    Judge judge = Judge.load(profile);
    readOnly.executeWithoutResult(transaction -> writeInTransaction(runId, target, judge));
  }

  private void writeInTransaction(long runId, Path target, Judge judge) {
    RunInfo run = RunInfo.load(jdbc, runId)
        .orElseThrow(() -> new IllegalArgumentException("No scan run with id " + runId));
    AtomicFile.write(target, file -> writeWorkbook(run, file, judge));
  }

  /**
   * Writes the workbook with POI beside {@code file}, the tables' rows streamed into pieces of
   * their own, then assembles {@code file} from both with the recorded hyperlinks added ({@link
   * PackageFinisher}). Closing the workbook disposes of its temporary files (POI's: 5.4+, bug 68183).
   */
  private void writeWorkbook(RunInfo run, Path file, Judge judge) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path raw = file.resolveSibling(file.getFileName() + ".raw");
    try (LinkRecorder links = new LinkRecorder(dir);
        FastDeflateWorkbook workbook = new FastDeflateWorkbook(ROW_ACCESS_WINDOW, dir)) {
      try (OutputStream out = Files.newOutputStream(raw, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        sheets(workbook, run, links, judge);
        workbook.write(out);
      }
      PackageFinisher.copy(raw, file, links, workbook.streamed());
    } finally {
      Files.deleteIfExists(raw);
    }
  }

  /**
   * The transaction's own connection for the threads that read the large tables ahead of this one
   * ({@link ReadAhead}): they see the same snapshot as every other query of the report. This
   * thread does not use the connection while they do.
   */
  private JdbcTemplate transactionReader() {
    Connection connection = DataSourceUtils.getConnection(jdbc.getDataSource());
    JdbcTemplate reader = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
    reader.setFetchSize(FETCH_SIZE);
    return reader;
  }

  /**
   * Sheet order: Summary, Domains, Findings, Evidence, (Changes), Rejected input, Run info, then
   * Mail servers when a transport check ran and Mail access when the access check did, last so
   * that the other sheets keep their positions.
   * Summary is filled last: its verdict, status and finding counts are taken while the Domains,
   * Findings and Evidence sheets write each row, instead of in passes of their own over the run.
   */
  private void sheets(FastDeflateWorkbook workbook, RunInfo run, LinkRecorder links, Judge judge) {
    Palette palette = new Palette(workbook);
    JdbcTemplate reader = transactionReader();
    SummarySheet summary = new SummarySheet(workbook, palette, links);
    Verdicts verdicts = judge.profile() == null ? null : Verdicts.fed(judge.profile());
    RunTotals.Tally tally = new RunTotals.Tally();
    TopFindings top = new TopFindings();
    new DomainsSheet(workbook, palette, run, maxRowsPerSheet, verdicts).write(reader, tally);
    ComplianceTotals compliance = verdicts == null ? null : verdicts.totals();
    new FindingsSheet(workbook, palette, maxRowsPerSheet, links).write(reader, run.id(), top);
    new EvidenceSheet(workbook, palette, maxRowsPerSheet).write(reader, run.id(), tally);
    new ChangesSheet(workbook, palette, maxRowsPerSheet).write(new Drift(jdbc.getDataSource(), judge.diffSettings()),
        run.id());
    new RejectedSheet(workbook, palette, maxRowsPerSheet).write(jdbc, run.id());
    new RunInfoSheet(workbook, palette, maxRowsPerSheet).write(run);
    if (run.checks().stream().anyMatch(CheckCatalog::probesMailServers)) {
      new MailServersSheet(workbook, palette, maxRowsPerSheet).write(jdbc, run.id());
    }
    if (run.checks().contains(MailAccessCheck.NAME)) {
      new MailAccessSheet(workbook, palette, maxRowsPerSheet).write(jdbc, run.id());
    }
    summary.write(run, RunTotals.load(jdbc, run.id(), tally), top.top(), compliance,
        judge.problem());
    PrintLayout.pages(workbook, run);
  }
}
