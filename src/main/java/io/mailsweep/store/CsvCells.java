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

  /**
   * The values of {@code encoded}, the first record of it. Without quotes or line breaks a record
   * is its text split at every comma, which is read that way without a CSV parser (this runs once
   * per scanned domain, and the parser allocated kilobytes of buffers for each).
   */
  public static List<String> decode(String encoded) {
    if (encoded == null || encoded.isEmpty()) {
      return List.of();
    }
    if (plain(encoded)) {
      return List.of(encoded.split(",", -1));
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

  private static boolean plain(String encoded) {
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '"' || c == '\r' || c == '\n') {
        return false;
      }
    }
    return true;
  }
}
