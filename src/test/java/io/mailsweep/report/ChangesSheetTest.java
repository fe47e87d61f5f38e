package io.mailsweep.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.history.Change;
import io.mailsweep.history.ChangeKind;
import io.mailsweep.history.DiffSettings;
import io.mailsweep.history.Drift;
import io.mailsweep.testing.db.StoredRuns;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ChangesSheetTest {

  private static XSSFWorkbook written(int maxRows, Consumer<ChangesSheet> write) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(WorkbookReport.ROW_ACCESS_WINDOW)) {
      write.accept(new ChangesSheet(workbook, new Palette(workbook), maxRows));
      workbook.write(bytes);
    }
    return new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()));
  }

  private static List<List<String>> rows(Sheet sheet) {
    DataFormatter format = new DataFormatter();
    List<List<String>> out = new ArrayList<>();
    for (Row row : sheet) {
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < row.getLastCellNum(); c++) {
        cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
      }
      out.add(cells);
    }
    return out;
  }

  @Test
  void namesTheRunComparedWithAndListsTheChangesOfTheDrift() throws Exception {
    StoredRuns db = new StoredRuns();
    db.run(1, "nightly", "2026-11-28T02:00:00Z", "COMPLETED", null)
        .run(2, "nightly", "2026-11-29T02:00:00Z", "STARTED", null);
    db.domain(1, 2, "a.test", "PASS").check(1, 2, "dmarc", "PASS", "p=reject; pct=100", null)
        .domain(1, 3, "gone.test", "PASS")
        .domain(2, 12, "a.test", "WARN").check(2, 12, "dmarc", "WARN", "p=none; pct=100", null)
        .finding(2, 12, "dmarc", "DMARC_POLICY_NONE");
    Drift drift = new Drift(db.dataSource, DiffSettings.DEFAULTS);
    try (XSSFWorkbook book = written(WorkbookReport.EXCEL_MAX_ROWS, sheet -> sheet.write(drift, 2))) {
      List<List<String>> rows = rows(book.getSheet("Changes"));
      assertThat(rows.get(0)).containsExactly(
          "Changes since run 1 of job nightly, started 2026-11-28 02:00:00 UTC (this is run 2).");
      assertThat(rows.get(1)).containsExactly("Domain", "Change", "Check", "Before", "After", "Detail");
      assertThat(rows.subList(2, rows.size())).containsExactly(
          List.of("a.test", "Policy downgraded", "DMARC", "reject", "none",
              "status PASS -> WARN; p=reject; pct=100 -> p=none; pct=100"),
          List.of("a.test", "New finding", "DMARC", "", "DMARC_POLICY_NONE", "p=none; pct=100"),
          List.of("gone.test", "Domain removed", "", "PASS"));
      assertThat(book.getSheet("Changes").getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
    }
    try (XSSFWorkbook book = written(100, sheet -> sheet.write(drift, 1))) {
      assertThat(rows(book.getSheet("Changes"))).containsExactly(
          List.of("No earlier completed run of job nightly to compare with."),
          List.of("Domain", "Change", "Check", "Before", "After", "Detail"));
    }
  }

  @Test
  void continuesOnNumberedSheetsAndKeepsFormulaLookingTextAsText() throws Exception {
    List<Change> changes = new ArrayList<>();
    changes.add(new Change("=cmd|' /C calc'!A0", ChangeKind.DOMAIN_ADDED, null, null, "PASS", "@SUM(1+1)"));
    for (int i = 0; i < 4; i++) {
      changes.add(new Change("d" + i + ".test", ChangeKind.FINDING_NEW, "spf", null, "SPF_PTR_USED", null));
    }
    try (XSSFWorkbook book = written(4, sheet -> sheet.write("+heading", changes))) {
      assertThat(book.getNumberOfSheets()).isEqualTo(3);
      List<List<String>> first = rows(book.getSheet("Changes"));
      assertThat(first).hasSize(4);
      assertThat(first.get(0)).containsExactly("+heading");
      assertThat(first.get(2)).containsExactly("=cmd|' /C calc'!A0", "Domain added", "", "", "PASS", "@SUM(1+1)");
      assertThat(book.getSheet("Changes").getRow(2).getCell(0).getCellType()).isEqualTo(CellType.STRING);
      assertThat(book.getSheet("Changes").getRow(0).getCell(0).getCellType()).isEqualTo(CellType.STRING);
      assertThat(rows(book.getSheet("Changes (2)")).get(0)).containsExactly("+heading (continued)");
      assertThat(rows(book.getSheet("Changes (3)"))).hasSize(3);
      assertThat(rows(book.getSheet("Changes (3)")).get(2).get(0)).isEqualTo("d3.test");
    }
  }
}
