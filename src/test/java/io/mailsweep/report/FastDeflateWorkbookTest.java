package io.mailsweep.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.junit.jupiter.api.Test;

/** The workbook's own sheet data writer writes what POI's writes, byte for byte. */
class FastDeflateWorkbookTest {

  /** Plain text, every character POI escapes or replaces, and surrogates, paired and alone. */
  private static final char[] ALPHABET = {'a', 'Z', '0', ' ', '=', '\'', '<', '>', '&', '"', '\n', '\r', '\t',
      '\u00A0', '\u0000', '\u0001', '\u001F', '\u007F', '\u00E9', '\u20AC', '\uFFFD', '\uFFFE', '\uFFFF', '\uD83D',
      '\uDE00', '\uD800', '\uDC00'};

  private static List<String> texts() {
    Random random = new Random(7208);
    List<String> texts = new ArrayList<>(List.of("", " lead", "trail ", "plain", "\uD83D\uDE00 pair"));
    for (int i = 0; i < 2_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(40); n > 0; n--) {
        text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
      }
      texts.add(text.toString());
    }
    return texts;
  }

  private static String written(SheetDataWriter writer, SXSSFRow row) throws IOException {
    writer.writeRow(0, row);
    writer.close();
    try (InputStream in = writer.getWorksheetXMLInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void cellsComeOutAsPoiWritesThem() throws IOException {
    try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
      SXSSFSheet sheet = book.createSheet("cells");
      SXSSFRow row = sheet.createRow(0);
      List<String> texts = texts();
      for (int i = 0; i < texts.size(); i++) {
        row.createCell(i).setCellValue(texts.get(i));
      }
      row.createCell(texts.size()).setCellValue(42.5);

      String poi = written(new SheetDataWriter(), row);
      String ours = written(new FastDeflateWorkbook.DeflatedSheetData(), row);

      assertThat(ours).hasSize(poi.length()).isEqualTo(poi);
      assertThat(ours).contains("&lt;", "&amp;", "&#xa;", "&#xa0;", "?");
    }
  }

  @Test
  void escapesExactlyWhatPoiEscapes() {
    assertThat(FastDeflateWorkbook.DeflatedSheetData.escape('"')).isEqualTo("&quot;");
    assertThat(FastDeflateWorkbook.DeflatedSheetData.escape('\u0001')).isEqualTo("?");
    assertThat(FastDeflateWorkbook.DeflatedSheetData.escape('\uFFFF')).isEqualTo("?");
    assertThat(FastDeflateWorkbook.DeflatedSheetData.escape('\'')).isNull();
    assertThat(FastDeflateWorkbook.DeflatedSheetData.escape('\uD83D')).isNull();
  }
}
