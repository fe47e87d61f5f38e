package io.mailsweep.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.Finding;
import io.mailsweep.check.FindingCatalog;
import io.mailsweep.check.FindingDefinition;
import io.mailsweep.check.Status;
import io.mailsweep.check.spf.SpfFinding;
import io.mailsweep.domain.DomainName;
import io.mailsweep.scan.DomainScan;
import io.mailsweep.scan.ScannedDomain;
import io.mailsweep.store.ResultRepository;
import io.mailsweep.store.RunRepository;
import io.mailsweep.store.ScanRun;
import io.mailsweep.testing.db.StoredRuns;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A finding's remediation and reference are stored once per run (finding_text) and come back in
 * every report format; a finding whose texts differ from its run's, and a run stored before the
 * texts were kept apart, keep theirs in the row.
 */
class FindingTextsTest {
  @TempDir Path dir;
  private final StoredRuns db = new StoredRuns();
  private final JdbcTemplate jdbc = db.jdbc;

  private long newRun() {
    return new RunRepository(jdbc).create(new ScanRun(0, "nightly", "/in.csv", "ab".repeat(32), null, "127.0.0.1",
        "spf", "{}", "0.1.0", Instant.now(), null, "STARTED", null, null, null));
  }

  private void inputRow(long runId, long id, String domain) {
    jdbc.update("INSERT INTO input_row (id, run_id, line_no, raw_value, domain, disposition)"
        + " VALUES (?,?,?,?,?,'ACCEPTED')", id, runId, id, domain, domain);
  }

  private static ScannedDomain scanned(long row, String domain, Finding... findings) {
    CheckResult spf = new CheckResult("spf", Status.FAIL, "v=spf1 +all", null, List.of(findings), List.of());
    return new ScannedDomain(row, new DomainScan(DomainName.of(domain), List.of(spf), Status.FAIL, null,
        Instant.now(), 5));
  }

  private List<Map<String, Object>> storedTexts(long runId) {
    return jdbc.queryForList("SELECT remediation, reference FROM finding WHERE run_id = ? ORDER BY id", runId);
  }

  @Test
  void aNewRunStoresTheCatalogueOnceAndItsFindingRowsLeaveTheTextsOut() throws Exception {
    long run = newRun();
    inputRow(run, 2, "a.test");
    FindingDefinition passAll = SpfFinding.SPF_PASS_ALL.definition();
    Finding own = new Finding(passAll.code(), passAll.severity(), "all is +all again", "Remove +all today.", "RFC 7208 §5.1");
    new ResultRepository(jdbc).save(run, List.of(scanned(2, "a.test", SpfFinding.SPF_PASS_ALL.with("all is +all"), own)));

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM finding_text WHERE run_id = ?", Integer.class, run))
        .isEqualTo(FindingCatalog.all().size());
    List<Map<String, Object>> stored = storedTexts(run);
    assertThat(stored.get(0)).containsEntry("REMEDIATION", null).containsEntry("REFERENCE", null);
    assertThat(stored.get(1)).containsEntry("REMEDIATION", "Remove +all today.").containsEntry("REFERENCE", null);

    ReportFiles files = new ReportFiles(dir.resolve("report"));
    new RunReports(new WorkbookReport(db.dataSource), db.dataSource).write(run, files,
        EnumSet.of(ReportFormat.XLSX, ReportFormat.CSV, ReportFormat.JSONL));

    List<String> first = List.of("a.test", "SPF", passAll.code(), "CRITICAL", "all is +all", passAll.remediation(),
        passAll.reference());
    List<String> second = List.of("a.test", "SPF", passAll.code(), "CRITICAL", "all is +all again", "Remove +all today.",
        "RFC 7208 §5.1");
    assertThat(findingsSheet(files.workbook())).containsExactly(first, second);
    assertThat(findingsCsv(files.findingsCsv())).containsExactly(first, second);
    String json = Files.readString(files.jsonLines());
    assertThat(json).contains("\"remediation\":\"" + passAll.remediation().replace("\"", "\\\"") + "\"")
        .contains("\"remediation\":\"Remove +all today.\"").contains("\"reference\":\"" + passAll.reference() + "\"");
  }

  @Test
  void aRunStoredBeforeTheTextsWereKeptApartKeepsThemInItsRows() throws Exception {
    db.run(7, "nightly", "2026-11-01T02:00:00Z", "COMPLETED", null);
    inputRow(7, 2, "b.test");
    new ResultRepository(jdbc).save(7, List.of(scanned(2, "b.test", SpfFinding.SPF_PASS_ALL.with("all is +all"))));

    FindingDefinition passAll = SpfFinding.SPF_PASS_ALL.definition();
    assertThat(storedTexts(7).get(0)).containsEntry("REMEDIATION", passAll.remediation())
        .containsEntry("REFERENCE", passAll.reference());
    ReportFiles files = new ReportFiles(dir.resolve("old"));
    new RunReports(new WorkbookReport(db.dataSource), db.dataSource).write(7, files, EnumSet.of(ReportFormat.XLSX));
    assertThat(findingsSheet(files.workbook())).containsExactly(List.of("b.test", "SPF", passAll.code(), "CRITICAL",
        "all is +all", passAll.remediation(), passAll.reference()));
  }

  private static List<List<String>> findingsSheet(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file); XSSFWorkbook book = new XSSFWorkbook(in)) {
      Sheet sheet = book.getSheet(FindingsSheet.NAME);
      DataFormatter format = new DataFormatter();
      return IntStream.rangeClosed(1, sheet.getLastRowNum()).mapToObj(sheet::getRow)
          .map(row -> IntStream.range(0, 7).mapToObj(i -> format.formatCellValue(row.getCell(i)))
              .toList())
          .toList();
    }
  }

  private static List<List<String>> findingsCsv(Path file) throws Exception {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180.parse(in).getRecords().stream().skip(1).map(CSVRecord::toList).toList();
    }
  }
}
