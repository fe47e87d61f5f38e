package io.mailsweep.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbook prints as a document: read back the page setup of every sheet. */
class PrintLayoutTest {

  @TempDir Path dir;

  private XSSFWorkbook write(ReportFixture db) throws Exception {
    Path file = dir.resolve("report.xlsx");
    new WorkbookReport(db.dataSource).write(1, file);
    return Sheets.open(file);
  }

  @Test
  void everySheetPrintsLandscapeFittedToWidthWithRunHeaderAndPageFooter() throws Exception {
    ReportFixture db = new ReportFixture();
    db.jdbc.update("UPDATE scan_run SET job_name = 'R&D vendors' WHERE id = 1");
    try (XSSFWorkbook book = write(db)) {
      for (int i = 0; i < book.getNumberOfSheets(); i++) {
        XSSFSheet sheet = book.getSheetAt(i);
        assertThat(sheet.getPrintSetup().getLandscape()).as(sheet.getSheetName()).isTrue();
        assertThat(sheet.getFitToPage()).as(sheet.getSheetName()).isTrue();
        assertThat(sheet.getPrintSetup().getFitHeight()).as(sheet.getSheetName()).isZero();
        assertThat(sheet.getHeader().getLeft()).isEqualTo("mailsweep run 1 · R&&D vendors");
        assertThat(sheet.getHeader().getCenter()).isEqualTo("&A");
        assertThat(sheet.getHeader().getRight()).isEqualTo("started 2025-03-01T09:00:00Z");
        assertThat(sheet.getFooter().getCenter()).isEqualTo("Page &P of &N");
        assertThat(book.getPrintArea(i)).as(sheet.getSheetName()).startsWith(quoted(sheet.getSheetName()) + "!$A$1:");
      }
      assertThat(book.getSheet("Summary").getPrintSetup().getFitWidth()).isEqualTo((short) 1);
      assertThat(book.getSheet("Summary").getRepeatingRows()).isNull();
      assertThat(book.getSheet("Evidence").getPrintSetup().getFitWidth()).isEqualTo((short) 1);
    }
  }

  @Test
  void tablesRepeatTheirHeaderRowAndPrintTheirUsedRange() throws Exception {
    try (XSSFWorkbook book = write(new ReportFixture())) {
      for (String name : new String[] {"Domains", "Findings", "Evidence", "Rejected input", "Run info"}) {
        XSSFSheet sheet = book.getSheet(name);
        assertThat(sheet.getRepeatingRows()).as(name).isEqualTo(CellRangeAddress.valueOf("1:1"));
        assertThat(sheet.isPrintGridlines()).as(name).isTrue();
        String filter = sheet.getCTWorksheet().getAutoFilter().getRef().replaceAll("([A-Z]+)(\\d+)", "\\$$1\\$$2");
        assertThat(book.getPrintArea(book.getSheetIndex(sheet))).as(name).isEqualTo(quoted(name) + "!" + filter);
      }
    }
  }

  @Test
  void aWideTablePrintsOnPagesSideBySideRepeatingItsKeyColumns() throws Exception {
    try (XSSFWorkbook book = write(new ReportFixture())) {
      // Domains: 284 characters wide (Line and Domain, 48 of them, repeat on each page).
      XSSFSheet domains = book.getSheet("Domains");
      assertThat(domains.getPrintSetup().getFitWidth()).isEqualTo((short) 2);
      assertThat(domains.getPrintSetup().getLeftToRight()).isTrue();
      assertThat(domains.getRepeatingColumns()).isEqualTo(CellRangeAddress.valueOf("A:B"));
      XSSFSheet findings = book.getSheet("Findings");
      assertThat(findings.getPrintSetup().getFitWidth()).isEqualTo((short) 2);
      assertThat(findings.getRepeatingColumns()).isEqualTo(CellRangeAddress.valueOf("A:A"));
      assertThat(book.getSheet("Rejected input").getRepeatingColumns()).isNull();
    }
  }

  private static String quoted(String sheetName) {
    return sheetName.contains(" ") ? "'" + sheetName + "'" : sheetName;
  }
}
