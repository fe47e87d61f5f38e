package io.mailsweep.report;

import static io.mailsweep.report.Sheets.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** Findings' references as hyperlinks: text stays the cell value, the link is cell metadata. */
class FindingsLinksTest {

  @TempDir Path dir;
  private ReportFixture db;

  @BeforeEach
  void setUp() {
    db = new ReportFixture();
    db.jdbc.update("UPDATE finding SET reference = 'RFC 7208 §4.6.4' WHERE code = 'SPF_PLUS_ALL'");
    db.jdbc.update("UPDATE finding SET reference = 'DMARCbis' WHERE code = 'DMARC_NO_RUA'");
    db.jdbc.update("UPDATE finding SET reference = '=HYPERLINK(\"http://evil.test\",\"RFC\")' WHERE code = 'DMARC_MISSING'");
  }

  @Test
  void rfcReferencesLinkToTheRfcEditorSection() throws Exception {
    Path file = dir.resolve("report.xlsx");
    new WorkbookReport(db.dataSource).write(1, file);
    try (XSSFWorkbook book = Sheets.open(file)) {
      XSSFSheet findings = book.getSheet("Findings");
      Row plusAll = findings.getRow(2);
      assertThat(text(plusAll, 2)).isEqualTo("SPF_PLUS_ALL");
      assertThat(plusAll.getCell(6).getStringCellValue()).isEqualTo("RFC 7208 §4.6.4");
      assertThat(plusAll.getCell(6).getHyperlink().getType()).isEqualTo(HyperlinkType.URL);
      assertThat(plusAll.getCell(6).getHyperlink().getAddress())
          .isEqualTo("https://www.rfc-editor.org/rfc/rfc7208#section-4.6.4");
      assertThat(findings.getRow(1).getCell(6).getHyperlink()).isNull();
      Row missing = findings.getRow(3);
      assertThat(missing.getCell(6).getCellType()).isEqualTo(CellType.STRING);
      assertThat(missing.getCell(6).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil.test\",\"RFC\")");
      assertThat(Sheets.allCells(book)).noneMatch(cell -> cell.getCellType() == CellType.FORMULA);
      assertThat(findings.getRow(1).getCell(4).getCellStyle().getWrapText()).isTrue();
      assertThat(findings.getRow(1).getHeightInPoints()).isGreaterThanOrEqualTo(15f);
    }
  }

  @Test
  void linksStopAtTheLimitPerSheetAndStartAgainOnTheNextSheet() throws Exception {
    for (int i = 0; i < 6; i++) {
      db.jdbc.update("INSERT INTO finding (run_id, input_row_id, check_name, code, severity, message, reference)"
          + " VALUES (1, 7, 'spf', ?, 'LOW', 'm', 'RFC 7208 §5.1')", "EXTRA_" + i);
    }
    Path raw = dir.resolve("raw.xlsx");
    Path file = dir.resolve("capped.xlsx");
    try (LinkRecorder links = new LinkRecorder(dir)) {
      try (FastDeflateWorkbook workbook = new FastDeflateWorkbook(100, dir)) {
        try (OutputStream out = Files.newOutputStream(raw)) {
          JdbcTemplate jdbc = new JdbcTemplate(db.dataSource);
          new FindingsSheet(workbook, new Palette(workbook), 6, links, 3).write(jdbc, 1, new TopFindings());
          workbook.write(out);
        }
        PackageFinisher.copy(raw, file, links, workbook.streamed());
      }
    }
    try (XSSFWorkbook book = Sheets.open(file)) {
      assertThat(book.getNumberOfSheets()).isEqualTo(2);
      XSSFSheet first = book.getSheetAt(0);
      XSSFSheet second = book.getSheetAt(1);
      assertThat(first.getHyperlinkList()).hasSize(3);
      assertThat(second.getHyperlinkList()).hasSize(3);
      assertThat(first.getRow(5).getCell(6).getStringCellValue()).isEqualTo("RFC 7208 §5.1");
      assertThat(first.getRow(5).getCell(6).getHyperlink()).isNull();
    }
  }
}
