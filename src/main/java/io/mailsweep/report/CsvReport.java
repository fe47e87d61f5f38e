package io.mailsweep.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A run's results as CSV (RFC 4180: comma, CRLF, double quotes where needed; UTF-8 without a byte
 * order mark): the domains file has the Domains sheet's columns, one row per accepted input row;
 * the findings file the Findings sheet's. Cells are made safe with {@link CsvText}. Streams, one
 * row at a time.
 */
final class CsvReport {

  private static final CSVFormat FORMAT = CSVFormat.RFC4180;

  private final JdbcTemplate jdbc;

  CsvReport(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void writeDomains(RunInfo run, Path file) throws IOException {
    writeDomains(run, file, null);
  }

  /** As above, with the verdict columns of {@code verdicts} (null: none), as on the Domains sheet. */
  void writeDomains(RunInfo run, Path file, Verdicts verdicts) throws IOException {
    DomainColumns layout = new DomainColumns(run, verdicts);
    try (CSVPrinter csv = printer(file)) {
      CsvRow header = new CsvRow();
      layout.columns().forEach(column -> header.text(column.header()));
      csv.printRecord(header.cells());
      DomainLines.each(jdbc, run.id(), false, line -> {
        CsvRow row = new CsvRow();
        layout.fill(line, row);
        print(csv, row);
      });
    }
  }

  void writeFindings(long runId, Path file) throws IOException {
    try (CSVPrinter csv = printer(file)) {
      CsvRow header = new CsvRow();
      FindingsSheet.COLUMNS.forEach(column -> header.text(column.header()));
      csv.printRecord(header.cells());
      FindingsSheet.each(jdbc, runId, f -> print(csv, new CsvRow()
          .text(f.domain())
          .text(RunInfo.checkHeader(f.check()))
          .text(f.code())
          .text(f.severity())
          .text(f.message())
          .text(f.remediation())
          .text(f.reference())));
    }
  }

  private static CSVPrinter printer(Path file) throws IOException {
    BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE);
    return new CSVPrinter(out, FORMAT);
  }

  private static void print(CSVPrinter csv, CsvRow row) {
    try {
      csv.printRecord(row.cells());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
