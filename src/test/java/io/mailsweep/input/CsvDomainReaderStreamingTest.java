package io.mailsweep.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDomainReaderStreamingTest {
  private static final int ROWS = 1_000_000;

  @Test
  void streamsAMillionRows(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("million.csv");
    try (Writer out = Files.newBufferedWriter(file)) {
      out.write("domain,name,country\n");
      for (int i = 0; i < ROWS; i++) {
        out.write("vendor" + i + ".example,\"Vendor " + i + ", Ltd\",DE\n");
      }
    }
    long count = 0;
    long lastLine = 0;
    try (CsvDomainReader reader = CsvDomainReader.open(file)) {
      for (InputRow row = reader.next(); row != null; row = reader.next()) {
        count++;
        lastLine = row.lineNo();
      }
    }
    assertEquals(ROWS, count);
    assertEquals(ROWS + 1, lastLine);
  }
}
