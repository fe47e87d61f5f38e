package io.mailsweep.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tables' own row writer writes the XML that POI's streaming sheet writes for the same cells,
 * byte for byte, and the package assembled around its deflated rows is a valid zip whose sheet is
 * exactly head, rows and tail.
 */
class SheetRowsTest {

  @TempDir
  Path dir;

  /** Plain text, every character POI escapes or replaces, surrogates paired and alone, and a long run. */
  private static final char[] ALPHABET = {'a', 'Z', '0', ' ', '=', '\'', '<', '>', '&', '"', '\n', '\r', '\t',
      '\u00A0', '\u0000', '\u0001', '\u001F', '\u007F', '\u00E9', '\u07FF', '\u0800', '\u20AC', '\uFFFD', '\uFFFE',
      '\uFFFF', '\uD83D', '\uDE00', '\uD800', '\uDC00'};

  /** One row's worth of operations, applied to a POI row and to a streamed row alike. */
  private static List<Consumer<RowCursor>> rows(Palette palette) {
    Random random = new Random(8461);
    List<CellStyle> styles = new ArrayList<>();
    styles.add(null);
    styles.add(palette.top());
    styles.add(palette.wrapped());
    styles.add(palette.header());
    styles.add(palette.status("FAIL"));
    List<Consumer<RowCursor>> rows = new ArrayList<>();
    rows.add(row -> row.text(" lead").text("trail ").text("\uD83D\uDE00 pair").text(""));
    rows.add(row -> row.height(30.75f).number(12).number(-7, null).percent(0.125).number(12_345_678_901L));
    rows.add(row -> { });
    rows.add(row -> row.textCell(0, "a".repeat(9_000) + "\uD83D\uDE00" + "<&>".repeat(3_000), null));
    for (int i = 0; i < 1_500; i++) {
      List<Consumer<RowCursor>> cells = new ArrayList<>();
      for (int column = 0, n = random.nextInt(12); column < n; column++) {
        int at = column;
        int kind = random.nextInt(5);
        String text = text(random);
        CellStyle style = styles.get(random.nextInt(styles.size()));
        long number = random.nextLong() >> random.nextInt(64);
        cells.add(switch (kind) {
          case 0 -> row -> row.text(text, style);
          case 1 -> row -> row.number(number, style);
          case 2 -> row -> row.skip();
          case 3 -> row -> { // unclean text, as it comes
            row.textCell(at, text, style);
            row.skip();
          };
          default -> row -> row.status(random.nextBoolean() ? "PASS" : "WARN");
        });
      }
      float height = random.nextInt(4) == 0 ? -1 : random.nextFloat() * 400;
      rows.add(row -> {
        if (height != -1) {
          row.height(height);
        }
        cells.forEach(cell -> cell.accept(row));
      });
    }
    return rows;
  }

  private static String text(Random random) {
    StringBuilder text = new StringBuilder();
    for (int n = random.nextInt(40); n > 0; n--) {
      text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return text.toString();
  }

  @Test
  void rowsComeOutAsPoiWritesThem() throws IOException {
    String poi;
    try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
      SXSSFSheet sheet = book.createSheet("t");
      Palette palette = new Palette(book);
      List<Consumer<RowCursor>> rows = rows(palette);
      for (int i = 0; i < rows.size(); i++) {
        rows.get(i).accept(RowCursor.of(sheet.createRow(i), palette));
      }
      poi = sheetData(book);
    }
    String ours;
    try (FastDeflateWorkbook book = new FastDeflateWorkbook(100, dir)) {
      SXSSFSheet sheet = book.createSheet("t");
      Palette palette = new Palette(book);
      SheetRows streamed = book.rows(sheet, palette);
      rows(palette).forEach(row -> row.accept(streamed.next()));
      DeflatedPiece piece = streamed.finish();
      byte[] xml = inflate(Files.readAllBytes(piece.file()));
      assertThat((long) xml.length).isEqualTo(piece.size());
      assertThat(Files.size(piece.file())).isEqualTo(piece.compressedSize());
      ours = new String(xml, StandardCharsets.UTF_8);
    }

    assertThat(poi).contains("&lt;", "&amp;", "&#xa;", "&#xa0;", "?", "xml:space=\"preserve\"", "customHeight=\"1\"",
        "\uD83D\uDE00", "E10</v>");
    assertThat(ours).hasSize(poi.length()).isEqualTo(poi);
  }

  @Test
  void aRowsHeightGoesBeforeItsCells() throws IOException {
    try (FastDeflateWorkbook book = new FastDeflateWorkbook(100, dir)) {
      SheetRows rows = book.rows(book.createSheet("t"), new Palette(book));
      RowCursor row = rows.next().text("x");
      assertThatThrownBy(() -> row.height(20)).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void theFinishedPackageHoldsHeadRowsAndTailUnderOneValidCrc() throws IOException {
    Path raw = dir.resolve("raw.xlsx");
    Path file = dir.resolve("book.xlsx");
    try (LinkRecorder links = new LinkRecorder(dir); FastDeflateWorkbook book = new FastDeflateWorkbook(100, dir)) {
      Palette palette = new Palette(book);
      PagedSheet table = new PagedSheet(book, palette, "Table", List.of(new Column("A", 10), new Column("B", 20)), 1, 4);
      for (int i = 0; i < 7; i++) {
        table.nextRow().number(i).link("RFC " + i, "https://www.rfc-editor.org/rfc/rfc" + i, links);
      }
      table.finish();
      try (var out = Files.newOutputStream(raw)) {
        book.write(out);
      }
      PackageFinisher.copy(raw, file, links, book.streamed());
      assertThat(book.streamed()).hasSize(3);
    }

    List<String> sheets = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        byte[] data = zip.readAllBytes(); // ZipInputStream checks each entry's CRC and sizes at its end
        if (entry.getName().startsWith("xl/worksheets/sheet")) {
          sheets.add(new String(data, StandardCharsets.UTF_8));
        }
      }
    }
    assertThat(sheets).hasSize(3);
    assertThat(sheets.get(0))
        .contains("<dimension ref=\"A1:B4\"/>", "<sheetData>\n<row r=\"1\">\n<c r=\"A1\"")
        .contains("<c r=\"A4\" s=\"", "<v>2.0</v>", "<hyperlinks><hyperlink ref=\"B2\" r:id=\"rIdL1\"/>")
        .contains("xmlns:r=").doesNotContain("<row r=\"5\"");
    assertThat(sheets.get(2)).contains("<dimension ref=\"A1:B2\"/>", "<v>6.0</v>", "autoFilter ref=\"A1:B2\"");
    try (var book = Sheets.open(file)) {
      assertThat(book.getSheet("Table (2)").getRow(3).getCell(1).getHyperlink().getAddress())
          .isEqualTo("https://www.rfc-editor.org/rfc/rfc5");
      assertThat(book.getSheet("Table (3)").getRow(1).getCell(0).getNumericCellValue()).isEqualTo(6.0);
    }
  }

  /** The rows of the only sheet of {@code book} as POI writes them: between its sheet data tags. */
  private String sheetData(SXSSFWorkbook book) throws IOException {
    Path file = dir.resolve("poi.xlsx");
    try (var out = Files.newOutputStream(file)) {
      book.write(out);
    }
    try (ZipFile zip = new ZipFile(file.toFile())) {
      String xml = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
          StandardCharsets.UTF_8);
      String start = "<sheetData>\n";
      return xml.substring(xml.indexOf(start) + start.length(), xml.indexOf("</sheetData>"));
    }
  }

  private static byte[] inflate(byte[] deflated) {
    Inflater inflater = new Inflater(true);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      inflater.setInput(deflated);
      byte[] buffer = new byte[65536];
      int n;
      while ((n = inflater.inflate(buffer)) > 0) {
        out.write(buffer, 0, n);
      }
      assertThat(inflater.getRemaining()).isZero();
      return out.toByteArray();
    } catch (IOException | DataFormatException e) {
      throw new AssertionError(e);
    } finally {
      inflater.end();
    }
  }
}
