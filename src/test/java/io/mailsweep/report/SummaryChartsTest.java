package io.mailsweep.report;

import static io.mailsweep.report.Sheets.rowStartingWith;
import static io.mailsweep.report.Sheets.text;
import static io.mailsweep.report.Sheets.texts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarSer;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTPieSer;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTStrVal;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTNumVal;

/** The Summary's compliance structure: charts in the XSSF part with their data, top findings, pass rates. */
class SummaryChartsTest {

  @TempDir Path dir;
  private ReportFixture db;

  @BeforeEach
  void setUp() {
    db = new ReportFixture();
  }

  private XSSFWorkbook write() throws Exception {
    Path file = dir.resolve("report.xlsx");
    new WorkbookReport(db.dataSource).write(1, file);
    return Sheets.open(file);
  }

  private static List<XSSFChart> charts(XSSFWorkbook book) {
    return book.getSheet("Summary").getDrawingPatriarch().getCharts();
  }

  @Test
  void statusPieCarriesTheOverallCountsInStatusColours() throws Exception {
    try (XSSFWorkbook book = write()) {
      assertThat(charts(book)).hasSize(2);
      XSSFChart pie = charts(book).get(0);
      assertThat(pie.getTitleText().getString()).isEqualTo(SummaryCharts.STATUS_TITLE);
      CTPieSer series = pie.getCTChart().getPlotArea().getPieChartArray(0).getSerArray(0);
      assertThat(strings(series.getCat().getStrLit().getPtArray())).containsExactly("PASS", "FAIL", "INCONCLUSIVE");
      assertThat(numbers(series.getVal().getNumLit().getPtArray())).containsExactly("2", "1", "1");
      assertThat(series.getDPtArray(0).getSpPr().getSolidFill().getSrgbClr().getVal())
          .isEqualTo(Palette.rgb(io.mailsweep.check.Status.PASS));
      assertThat(series.getDLbls().getShowPercent().getVal()).isTrue();
    }
  }

  @Test
  void withAProfileThePieShowsTheComplianceVerdictsAndSummaryTheRules() throws Exception {
    Path file = dir.resolve("judged.xlsx");
    new WorkbookReport(db.dataSource).write(1, file, "baseline");
    try (XSSFWorkbook book = Sheets.open(file)) {
      XSSFChart pie = charts(book).get(0);
      assertThat(pie.getTitleText().getString()).isEqualTo(SummaryCharts.VERDICT_TITLE + " (baseline)");
      CTPieSer series = pie.getCTChart().getPlotArea().getPieChartArray(0).getSerArray(0);
      // The fixture's run has SPF and DMARC only: the baseline's STARTTLS rule is undecided, never compliant.
      assertThat(strings(series.getCat().getStrLit().getPtArray())).doesNotContain("COMPLIANT");
      List<String> summary = new java.util.ArrayList<>();
      book.getSheet("Summary").forEach(r -> r.forEach(c -> summary.add(c.toString())));
      assertThat(summary).contains("Compliance with profile baseline", "spf-valid: SPF record valid, ending in -all or ~all");
      List<String> header = new java.util.ArrayList<>();
      book.getSheet("Domains").getRow(0).forEach(c -> header.add(c.getStringCellValue()));
      assertThat(header).contains("Verdict (baseline)", "Score", "Grade", "spf-valid", "dmarc-policy", "starttls-all-mx");
    }
    Path missing = dir.resolve("unjudged.xlsx");
    new WorkbookReport(db.dataSource).write(1, missing, dir.resolve("gone.yml").toString());
    try (XSSFWorkbook book = Sheets.open(missing)) {
      List<String> summary = new java.util.ArrayList<>();
      book.getSheet("Summary").forEach(r -> r.forEach(c -> summary.add(c.toString())));
      assertThat(summary).anyMatch(t -> t.startsWith("Note: no compliance verdicts: profile ") && t.contains("gone.yml"));
      assertThat(charts(book).get(0).getTitleText().getString()).isEqualTo(SummaryCharts.STATUS_TITLE);
    }
  }

  @Test
  void passRateBarsHaveOneBarPerCheckFromZeroToHundred() throws Exception {
    try (XSSFWorkbook book = write()) {
      XSSFChart bars = charts(book).get(1);
      assertThat(bars.getTitleText().getString()).isEqualTo(SummaryCharts.PASS_RATE_TITLE);
      CTBarSer series = bars.getCTChart().getPlotArea().getBarChartArray(0).getSerArray(0);
      assertThat(strings(series.getCat().getStrLit().getPtArray())).containsExactly("SPF", "DMARC");
      assertThat(numbers(series.getVal().getNumLit().getPtArray())).containsExactly("50.0", "33.3");
      assertThat(bars.getCTChart().getPlotArea().getValAxArray(0).getScaling().getMax().getVal()).isEqualTo(100.0);
    }
  }

  @Test
  void chartsSitBelowTheTablesInsideThePrintArea() throws Exception {
    try (XSSFWorkbook book = write()) {
      XSSFSheet summary = book.getSheet("Summary");
      int lastTableRow = summary.getLastRowNum();
      List<Integer> chartRows = summary.getDrawingPatriarch().getCTDrawing().getTwoCellAnchorList().stream()
          .map(anchor -> anchor.getFrom().getRow()).toList();
      assertThat(chartRows).hasSize(2).allMatch(row -> row > lastTableRow);
      int chartEnd = summary.getDrawingPatriarch().getCTDrawing().getTwoCellAnchorArray(0).getTo().getRow();
      assertThat(book.getPrintArea(0)).isEqualTo("Summary!$A$1:$G$" + chartEnd);
    }
  }

  @Test
  void topFindingsAreCountedWithLinkedReferences() throws Exception {
    db.jdbc.update("INSERT INTO finding (run_id, input_row_id, check_name, code, severity, message, reference)"
        + " VALUES (1, 2, 'dmarc', 'DMARC_MISSING', 'HIGH', 'no record', 'RFC 7489 §6.1')");
    try (XSSFWorkbook book = write()) {
      XSSFSheet summary = book.getSheet("Summary");
      Row header = rowStartingWith(summary, "Code");
      assertThat(texts(header)).containsExactly("Code", "Check", "Severity", "Findings", "Domains", "Reference");
      Row top = summary.getRow(header.getRowNum() + 1);
      assertThat(texts(top)).startsWith("DMARC_MISSING", "DMARC", "HIGH", "2", "2");
      assertThat(text(top, 5)).isEqualTo("RFC 7489");
      assertThat(top.getCell(5).getHyperlink().getAddress()).isEqualTo("https://www.rfc-editor.org/rfc/rfc7489");
      List<String> codes = Arrays.asList(text(summary.getRow(header.getRowNum() + 2), 0),
          text(summary.getRow(header.getRowNum() + 3), 0));
      assertThat(codes).containsExactly("DMARC_NO_RUA", "SPF_PLUS_ALL");
      assertThat(rowStartingWith(summary, "Top 10 findings")).isNotNull();
    }
  }

  @Test
  void overallSharesArePercentagesOfScannedDomains() throws Exception {
    try (XSSFWorkbook book = write()) {
      Row pass = rowStartingWith(book.getSheet("Summary"), "PASS");
      assertThat(pass.getCell(2).getNumericCellValue()).isEqualTo(0.5);
      assertThat(pass.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
    }
  }

  private static List<String> strings(CTStrVal[] points) {
    return Arrays.stream(points).map(CTStrVal::getV).toList();
  }

  private static List<String> numbers(CTNumVal[] points) {
    return Arrays.stream(points).map(CTNumVal::getV).toList();
  }
}
