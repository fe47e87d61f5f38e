package io.mailsweep.report;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Decodes the single-record CSV strings of {@code scan_run.extra_columns} and {@code input_row.extras}. */
final class CsvRecord {

  private CsvRecord() {}

  /**
   * Returns the values of the first record of {@code csv} in {@link CSVFormat#DEFAULT}; an empty list
   * for null or empty input. Text that is not valid CSV is returned whole as one value, so the
   * auditor still sees what was carried.
   */
  static List<String> parse(String csv) {
    if (csv == null || csv.isEmpty()) {
      return List.of();
    }
    try (CSVParser parser = CSVFormat.DEFAULT.parse(new StringReader(csv))) {
      Iterator<CSVRecord> records = parser.iterator();
      return records.hasNext() ? new ArrayList<>(records.next().toList()) : List.of();
    } catch (IOException | UncheckedIOException | IllegalStateException malformed) {
      return List.of(csv);
    }
  }
}
