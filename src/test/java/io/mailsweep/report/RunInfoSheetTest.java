package io.mailsweep.report;

import static io.mailsweep.report.Sheets.rowStartingWith;
import static io.mailsweep.report.Sheets.rows;
import static io.mailsweep.report.Sheets.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run info: every stored job parameter, one row per key, after what identifies the run. */
class RunInfoSheetTest {

  @TempDir Path dir;

  @Test
  void listsIdentityThenEveryParameterInStoredOrder() throws Exception {
    ReportFixture db = new ReportFixture();
    db.jdbc.update("UPDATE scan_run SET parameters = ? WHERE id = 1", String.join("\n",
        "job.name=vendor-audit", "input.file=/data/vendors.csv", "input.column=", "checks=spf,dmarc",
        "dkim.selectors=s1,s2", "transport.smtp.ehlo=scan=ner.example", "report.formats=xlsx,csv", "=odd",
        "stray line"));
    Path file = dir.resolve("report.xlsx");
    new WorkbookReport(db.dataSource).write(1, file);
    try (XSSFWorkbook book = Sheets.open(file)) {
      XSSFSheet sheet = book.getSheet("Run info");
      List<List<String>> rows = rows(sheet);
      assertThat(rows.get(0)).containsExactly("Parameter", "Value");
      assertThat(rows.subList(1, 8).stream().map(r -> r.get(0)).toList()).containsExactly("run.id", "tool.version",
          "input.sha256", "resolver.health", "run.status", "run.started (UTC)", "run.finished (UTC)");
      assertThat(text(rowStartingWith(sheet, "run.id"), 1)).isEqualTo("1");
      assertThat(text(rowStartingWith(sheet, "tool.version"), 1)).isEqualTo("0.1.0");
      assertThat(text(rowStartingWith(sheet, "input.sha256"), 1)).isEqualTo("ab".repeat(32));
      assertThat(text(rowStartingWith(sheet, "resolver.health"), 1)).isEqualTo("OK: 2/2 canaries answered");
      assertThat(text(rowStartingWith(sheet, "run.started (UTC)"), 1)).isEqualTo("2025-03-01T09:00:00Z");
      assertThat(rows.subList(8, rows.size())).containsExactly(
          List.of("job.name", "vendor-audit"),
          List.of("input.file", "/data/vendors.csv"),
          List.of("input.column"),
          List.of("checks", "spf,dmarc"),
          List.of("dkim.selectors", "s1,s2"),
          List.of("transport.smtp.ehlo", "scan=ner.example"),
          List.of("report.formats", "xlsx,csv"),
          List.of(RunInfoSheet.UNPARSED, "=odd"),
          List.of(RunInfoSheet.UNPARSED, "stray line"));
      assertThat(sheet.getRow(15).getCell(1).getStringCellValue()).isEqualTo("=odd");
    }
  }

  @Test
  void aRunStillWritingItsReportReadsAsRunning() {
    RunInfo run = new RunInfo(1, "j", "f", "s", null, List.of(), "r", null, List.of("spf"), "v", null, null,
        "STARTED", "");
    assertThat(run.statusText()).startsWith("running");
    assertThat(new RunInfo(1, "j", "f", "s", null, List.of(), "r", null, List.of("spf"), "v", null, null,
        "COMPLETED", "").statusText()).isEqualTo("COMPLETED");
  }
}
