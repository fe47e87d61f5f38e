package io.mailsweep.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbookReportTest {

  private static final List<String> DOMAIN_HEADERS = List.of("Line", "Domain", "vendor", "owner",
      "Overall", "SPF", "SPF detail", "DMARC", "DMARC detail", "Reason");

  @TempDir Path dir;
  private ReportFixture db;

  @BeforeEach
  void setUp() {
    db = new ReportFixture();
  }

  @Test
  void sheetsComeInOrder() throws IOException {
    try (XSSFWorkbook book = writeAndOpen(new WorkbookReport(db.dataSource))) {
      assertThat(sheetNames(book))
          .containsExactly("Summary", "Domains", "Findings", "Evidence", "Changes", "Rejected input", "Run info");
    }
  }

  @Test
  void domainsSheetHasOneRowPerAcceptedInputRowInLineOrder() throws IOException {
    try (XSSFWorkbook book = writeAndOpen(new WorkbookReport(db.dataSource))) {
      Sheet domains = book.getSheet("Domains");
      assertThat(texts(domains.getRow(0))).containsExactlyElementsOf(DOMAIN_HEADERS);
      assertThat(domains.getLastRowNum()).isEqualTo(5);
      assertThat(column(domains, 1)).containsExactly(
          "example.com", "bad.example", "slow.example", "long.example", "late.example");
      assertThat(domains.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(domains.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(2.0);
      assertThat(texts(domains.getRow(1)))
          .containsExactly("2", "example.com", "Acme", "alice", "PASS",
              "PASS", "v=spf1 -all", "PASS", "p=reject");
      assertThat(text(domains.getRow(5), 4)).isEqualTo("not scanned");
    }
  }

  @Test
  void reasonJoinsInconclusiveCheckReasonsWhenTheDomainHasNone() throws IOException {
    try (XSSFWorkbook book = writeAndOpen(new WorkbookReport(db.dataSource))) {
      Row slow = book.getSheet("Domains").getRow(3);
      assertThat(text(slow, 4)).isEqualTo("INCONCLUSIVE");
      assertThat(text(slow, 9)).isEqualTo("DNS timeout after 3 tries; SERVFAIL from all resolvers");
    }
  }

  @Test
  void statusCellsAreFilledByStatus() throws IOException {
    try (XSSFWorkbook book = writeAndOpen(new WorkbookReport(db.dataSource))) {
      Sheet domains = book.getSheet("Domains");
      String pass = fill(domains.getRow(1).getCell(4));
      String fail = fill(domains.getRow(2).getCell(4));
      String inconclusive = fill(domains.getRow(3).getCell(4));
      assertThat(pass).isNotNull();
      assertThat(fail).isNotNull().isNotEqualTo(pass);
      assertThat(inconclusive).isNotNull().isNotEqualTo(pass).isNotEqualTo(fail);
      assertThat(fill(domains.getRow(2).getCell(5))).isEqualTo(fail);
      assertThat(fill(domains.getRow(4).getCell(7))).isNotNull().isNotEqualTo(pass);
    }
  }

  @Test
  void formulaLookingInputStaysText() throws IOException {
    try (XSSFWorkbook book = writeAndOpen(new WorkbookReport(db.dataSource))) {
      Sheet domains = book.getSheet("Domains");
      Cell vendor = domains.getRow(2).getCell(2);
      assertThat(vendor.getCellType()).isEqualTo(CellType.STRING);
      assertThat(vendor.getStringCellValue()).isEqualTo(ReportFixture.FORMULA_VENDOR);
      assertThat(text(domains.getRow(2), 6)).isEqualTo("+all permits every sender");
      assertThat(text(domains.getRow(2), 8)).isEqualTo("-no DMARC record");
      assertThat(text(domains.getRow(3), 6)).isEqualTo("@ evidence: none");
      assertThat(allCells(book)).noneMatch(cell -> cell.getCellType() == CellType.FORMULA);
    }
  }

  @Test
  void controlCharactersAreRemovedAndLongTextTruncated() throws IOException {
    try (XSSFWorkbook book = writeAndOpen(new WorkbookReport(db.dataSource))) {
      Sheet domains = book.getSheet("Domains");
      assertThat(text(domains.getRow(3), 2)).isEqualTo("CtrlCorp");
      String owner = text(domains.getRow(4), 3);
      assertThat(owner).hasSize(SafeText.MAX_CELL_CHARS).endsWith("…[truncated]").startsWith("ooo");
      assertThat(text(book.getSheet("Findings").getRow(1), 4))
          .isEqualTo("Bell no aggregate reports requested");
    }
  }

  @Test
  void tablesHaveFrozenHeadersAndAutofilters() throws IOException {
    try (XSSFWorkbook book = writeAndOpen(new WorkbookReport(db.dataSource))) {
      assertFrozen(book.getSheet("Domains"), 2);
      assertFrozen(book.getSheet("Findings"), 1);
      assertThat(autoFilter(book.getSheet("Domains"))).isEqualTo("A1:J6");
      assertThat(autoFilter(book.getSheet("Findings"))).isEqualTo("A1:G4");
      assertThat(autoFilter(book.getSheet("Rejected input"))).isEqualTo("A1:D3");
      assertThat(book.getSheet("Domains").getRow(0).getCell(0).getCellStyle().getFontIndex())
          .isNotEqualTo(book.getSheet("Domains").getRow(1).getCell(1).getCellStyle().getFontIndex());
    }
  }

  @Test
  void findingsAreOrderedByInputRowThenId() throws IOException {
    try (XSSFWorkbook book = writeAndOpen(new WorkbookReport(db.dataSource))) {
      Sheet findings = book.getSheet("Findings");
      assertThat(texts(findings.getRow(0))).containsExactly(
          "Domain", "Check", "Code", "Severity", "Message", "Remediation", "Reference");
      assertThat(findings.getLastRowNum()).isEqualTo(3);
      assertThat(column(findings, 2)).containsExactly("DMARC_NO_RUA", "SPF_PLUS_ALL", "DMARC_MISSING");
      assertThat(texts(findings.getRow(2))).containsExactly("bad.example", "SPF", "SPF_PLUS_ALL",
          "HIGH", "+all lets any host send as bad.example", "Fix SPF_PLUS_ALL", "RFC 7489");
    }
  }

  @Test
  void rejectedInputListsRejectedAndDuplicateRowsByLine() throws IOException {
    try (XSSFWorkbook book = writeAndOpen(new WorkbookReport(db.dataSource))) {
      Sheet rejected = book.getSheet("Rejected input");
      assertThat(texts(rejected.getRow(0))).containsExactly("Line", "Value", "Disposition", "Reason");
      assertThat(rejected.getLastRowNum()).isEqualTo(2);
      assertThat(texts(rejected.getRow(1)))
          .containsExactly("5", "EXAMPLE.com", "DUPLICATE", "duplicate of line 2");
      assertThat(texts(rejected.getRow(2)))
          .containsExactly("6", "not a domain!", "REJECTED", "invalid character ' '");
    }
  }

  @Test
  void summaryShowsRunMetadataAndCounts() throws IOException {
    try (XSSFWorkbook book = writeAndOpen(new WorkbookReport(db.dataSource))) {
      Sheet summary = book.getSheet("Summary");
      assertThat(valueAfter(summary, "Run id")).isEqualTo("1");
      assertThat(valueAfter(summary, "Job name")).isEqualTo("vendor-audit");
      assertThat(valueAfter(summary, "Checks")).isEqualTo("SPF, DMARC");
      assertThat(valueAfter(summary, "Started (UTC)")).isEqualTo("2025-03-01T09:00:00Z");
      assertThat(valueAfter(summary, "Finished (UTC)")).isEqualTo("2025-03-01T09:05:30Z");
      assertThat(valueAfter(summary, "Rows read")).isEqualTo("7");
      assertThat(valueAfter(summary, "Accepted")).isEqualTo("5");
      assertThat(valueAfter(summary, "Duplicates")).isEqualTo("1");
      assertThat(valueAfter(summary, "Rejected")).isEqualTo("1");
      assertThat(valueAfter(summary, "Domains scanned")).isEqualTo("4");
      assertThat(valueAfter(summary, "Not scanned")).isEqualTo("1");
      assertThat(valueAfter(summary, "PASS")).isEqualTo("2");
      assertThat(valueAfter(summary, "FAIL")).isEqualTo("1");
      assertThat(valueAfter(summary, "INCONCLUSIVE")).isEqualTo("1");
    }
  }

  @Test
  void summaryCountsEachCheckByStatusAndExplainsInconclusive() throws IOException {
    try (XSSFWorkbook book = writeAndOpen(new WorkbookReport(db.dataSource))) {
      Sheet summary = book.getSheet("Summary");
      assertThat(texts(rowStartingWith(summary, "Check")))
          .containsExactly("Check", "PASS", "WARN", "FAIL", "INCONCLUSIVE", "NOT_APPLICABLE", "Pass rate");
      assertThat(texts(rowStartingWith(summary, "SPF"))).startsWith("SPF", "2", "0", "1", "1", "0");
      assertThat(texts(rowStartingWith(summary, "DMARC"))).startsWith("DMARC", "1", "0", "1", "1", "1");
      // PASS among applicable results: an INCONCLUSIVE one counts against, NOT_APPLICABLE does not count.
      assertThat(rowStartingWith(summary, "SPF").getCell(6).getNumericCellValue()).isEqualTo(0.5);
      assertThat(rowStartingWith(summary, "DMARC").getCell(6).getNumericCellValue()).isEqualTo(1.0 / 3);
      assertThat(rowStartingWith(summary, "DMARC").getCell(6).getCellStyle().getDataFormatString())
          .isEqualTo("0.0%");
      assertThat(column(summary, 0))
          .anyMatch(text -> text.contains("could not be determined") && text.contains("non-compliant"));
    }
  }

  @Test
  void tablesContinueOnNumberedSheetsPastTheRowLimit() throws IOException {
    try (XSSFWorkbook book = writeAndOpen(new WorkbookReport(db.dataSource, 3))) {
      assertThat(sheetNames(book)).containsExactly("Summary", "Domains", "Domains (2)",
          "Domains (3)", "Findings", "Findings (2)", "Evidence", "Evidence (2)", "Evidence (3)", "Evidence (4)",
          "Changes", "Rejected input", "Run info", "Run info (2)", "Run info (3)", "Run info (4)");
      List<String> domains = new ArrayList<>();
      for (String name : List.of("Domains", "Domains (2)", "Domains (3)")) {
        Sheet sheet = book.getSheet(name);
        assertThat(texts(sheet.getRow(0))).containsExactlyElementsOf(DOMAIN_HEADERS);
        assertThat(sheet.getLastRowNum()).isLessThanOrEqualTo(2);
        assertFrozen(sheet, 2);
        domains.addAll(column(sheet, 1));
      }
      assertThat(domains).containsExactly(
          "example.com", "bad.example", "slow.example", "long.example", "late.example");
      assertThat(autoFilter(book.getSheet("Findings (2)"))).isEqualTo("A1:G2");
    }
  }

  @Test
  void unknownRunIsRejectedAndNothingIsWritten() {
    Path target = dir.resolve("report.xlsx");
    assertThatThrownBy(() -> new WorkbookReport(db.dataSource).write(999, target))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("999");
    assertThat(target).doesNotExist();
  }

  @Test
  void replacesAnExistingReportAndLeavesNoTemporaryFiles() throws IOException {
    Path poiTemp = Files.createDirectory(dir.resolve("poi"));
    Path target = dir.resolve("report.xlsx");
    Files.writeString(target, "old");
    TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(poiTemp.toFile()));
    try {
      new WorkbookReport(db.dataSource).write(1, target);
    } finally {
      TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
    }
    try (Stream<Path> files = Files.list(dir); Stream<Path> poiFiles = Files.walk(poiTemp)) {
      assertThat(files).containsExactlyInAnyOrder(target, poiTemp);
      assertThat(poiFiles.filter(Files::isRegularFile)).isEmpty();
    }
    try (InputStream in = Files.newInputStream(target); XSSFWorkbook book = new XSSFWorkbook(in)) {
      assertThat(book.getSheetName(0)).isEqualTo("Summary");
    }
  }

  private XSSFWorkbook writeAndOpen(WorkbookReport report) throws IOException {
    Path target = dir.resolve("report.xlsx");
    report.write(1, target);
    try (InputStream in = Files.newInputStream(target)) {
      return new XSSFWorkbook(in);
    }
  }

  private static List<String> sheetNames(XSSFWorkbook book) {
    List<String> names = new ArrayList<>();
    book.forEach(sheet -> names.add(sheet.getSheetName()));
    return names;
  }

  private static String text(Row row, int column) {
    Cell cell = row.getCell(column);
    if (cell == null) {
      return "";
    }
    return cell.getCellType() == CellType.NUMERIC
        ? String.valueOf((long) cell.getNumericCellValue())
        : cell.getStringCellValue();
  }

  private static List<String> texts(Row row) {
    List<String> texts = new ArrayList<>();
    for (int column = 0; column < row.getLastCellNum(); column++) {
      texts.add(text(row, column));
    }
    return texts;
  }

  private static List<String> column(Sheet sheet, int column) {
    List<String> values = new ArrayList<>();
    for (int row = 1; row <= sheet.getLastRowNum(); row++) {
      if (sheet.getRow(row) != null) {
        values.add(text(sheet.getRow(row), column));
      }
    }
    return values;
  }

  private static Row rowStartingWith(Sheet sheet, String label) {
    for (Row row : sheet) {
      if (label.equals(text(row, 0))) {
        return row;
      }
    }
    throw new AssertionError("no row labelled " + label);
  }

  private static String valueAfter(Sheet sheet, String label) {
    return text(rowStartingWith(sheet, label), 1);
  }

  private static List<Cell> allCells(XSSFWorkbook book) {
    List<Cell> cells = new ArrayList<>();
    book.forEach(sheet -> sheet.forEach(row -> row.forEach(cells::add)));
    return cells;
  }

  private static String fill(Cell cell) {
    XSSFCellStyle style = (XSSFCellStyle) cell.getCellStyle();
    return style.getFillForegroundXSSFColor() == null
        ? null
        : style.getFillForegroundXSSFColor().getARGBHex();
  }

  private static void assertFrozen(Sheet sheet, int columns) {
    PaneInformation pane = sheet.getPaneInformation();
    assertThat(pane).isNotNull();
    assertThat(pane.isFreezePane()).isTrue();
    assertThat(pane.getHorizontalSplitTopRow()).isEqualTo((short) 1);
    assertThat(pane.getVerticalSplitLeftColumn()).isEqualTo((short) columns);
  }

  private static String autoFilter(Sheet sheet) {
    return ((XSSFSheet) sheet).getCTWorksheet().getAutoFilter().getRef();
  }
}
