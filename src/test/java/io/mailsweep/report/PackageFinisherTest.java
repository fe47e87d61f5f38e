package io.mailsweep.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipFile;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hyperlinks recorded outside POI and written into the finished package where Excel expects them. */
class PackageFinisherTest {

  @TempDir Path dir;

  @Test
  void linksLandInTheirSheetsInSchemaOrderWithEscapedTargets() throws Exception {
    Path raw = dir.resolve("raw.xlsx");
    Path file = dir.resolve("linked.xlsx");
    try (LinkRecorder links = new LinkRecorder(dir)) {
      try (SXSSFWorkbook workbook = new SXSSFWorkbook(10); OutputStream out = Files.newOutputStream(raw)) {
        SXSSFSheet plain = workbook.createSheet("Plain");
        plain.createRow(0).createCell(0).setCellValue("no links here");
        SXSSFSheet tiny = workbook.createSheet("Tiny");
        tiny.createRow(0).createCell(0).setCellValue("RFC 7208");
        tiny.createRow(1).createCell(2).setCellValue("query");
        tiny.setAutoFilter(CellRangeAddress.valueOf("A1:C2"));
        tiny.getPrintSetup().setLandscape(true);
        links.add(tiny, 0, 0, "https://www.rfc-editor.org/rfc/rfc7208");
        links.add(tiny, 1, 2, "https://example.test/?a=1&b=2");
        links.add(tiny, 1, 1, "javascript: alert(1)");
        links.add(tiny, 1, 0, "https://example.test/\"quoted\"");
        workbook.write(out);
      }
      PackageFinisher.copy(raw, file, links, Map.of());
    }
    try (XSSFWorkbook book = Sheets.open(file)) {
      assertThat(book.getSheet("Tiny").getHyperlinkList()).hasSize(2);
      assertThat(book.getSheet("Tiny").getRow(0).getCell(0).getHyperlink().getAddress())
          .isEqualTo("https://www.rfc-editor.org/rfc/rfc7208");
      assertThat(book.getSheet("Tiny").getRow(1).getCell(2).getHyperlink().getAddress())
          .isEqualTo("https://example.test/?a=1&b=2");
      assertThat(book.getSheet("Tiny").getRow(1).getCell(0)).isNull();
      assertThat(book.getSheet("Plain").getHyperlinkList()).isEmpty();
    }
    try (ZipFile zip = new ZipFile(file.toFile())) {
      String xml = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet2.xml")).readAllBytes(),
          StandardCharsets.UTF_8);
      assertThat(xml).containsOnlyOnce("xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"");
      assertThat(xml.indexOf("<worksheet")).isLessThan(xml.indexOf("xmlns:r="));
      assertThat(xml.indexOf("</sheetData>")).isLessThan(xml.indexOf("<autoFilter"));
      assertThat(xml.indexOf("<autoFilter")).isLessThan(xml.indexOf("<hyperlinks>"));
      assertThat(xml.indexOf("</hyperlinks>")).isLessThan(xml.indexOf("<pageMargins"));
      assertThat(zip.getEntry("xl/worksheets/_rels/sheet1.xml.rels")).isNull();
    }
  }
}
