package io.mailsweep.store;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Several text values in one column, encoded as a single CSV record. */
public final class CsvCells {
  private CsvCells() {}

  public static String encode(List<String> values) {
    if (values.isEmpty()) {
      return "";
    }
    return CSVFormat.DEFAULT.format(values.toArray());
  }

  public static List<String> decode(String encoded) {
    if (encoded == null || encoded.isEmpty()) {
      return List.of();
    }
    try (CSVParser parser = CSVParser.parse(new StringReader(encoded), CSVFormat.DEFAULT)) {
      List<String> out = new ArrayList<>();
      for (CSVRecord record : parser) {
        record.forEach(out::add);
        break;
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
