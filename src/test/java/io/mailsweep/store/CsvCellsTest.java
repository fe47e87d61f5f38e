package io.mailsweep.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;

class CsvCellsTest {

  /** What commons-csv reads from {@code encoded}: the reference for the parser-free path. */
  private static List<String> parsed(String encoded) throws IOException {
    try (CSVParser parser = CSVParser.parse(new StringReader(encoded), CSVFormat.DEFAULT)) {
      List<String> out = new ArrayList<>();
      parser.iterator().next().forEach(out::add);
      return out;
    }
  }

  @Test
  void valuesSurviveEncodingWhateverTheyHold() {
    String[] pieces = {"", " ", "a", "Vendor 1", ",", "\"", "\r\n", "\n", "#", "=1+1", "é", "  x  "};
    Random random = new Random(4180);
    for (int i = 0; i < 5_000; i++) {
      List<String> values = new ArrayList<>();
      for (int n = 1 + random.nextInt(4); n > 0; n--) {
        StringBuilder value = new StringBuilder();
        for (int k = random.nextInt(3); k > 0; k--) {
          value.append(pieces[random.nextInt(pieces.length)]);
        }
        values.add(value.toString());
      }
      String encoded = CsvCells.encode(values);
      assertThat(CsvCells.decode(encoded)).as(encoded).isEqualTo(values);
    }
  }

  @Test
  void unquotedRecordsAreReadAsTheParserReadsThem() throws IOException {
    for (String encoded : List.of("a", "a,b", ",", "a,,b,", " a , b ", "x,=1,#2", "é,ü")) {
      assertThat(CsvCells.decode(encoded)).as(encoded).isEqualTo(parsed(encoded));
    }
    assertThat(CsvCells.decode("")).isEmpty();
    assertThat(CsvCells.decode(null)).isEmpty();
  }
}
