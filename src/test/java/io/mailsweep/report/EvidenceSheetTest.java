package io.mailsweep.report;

import static io.mailsweep.report.Sheets.rows;
import static io.mailsweep.report.Sheets.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Evidence sheet read back: one row per domain and check, evidence as wrapped text, scan times. */
class EvidenceSheetTest {

  static final String SPF_EVIDENCE = ";; example.com TXT: ANSWER\nexample.com. 300 IN TXT \"v=spf1 -all\"";
  static final String HOSTILE = "=cmd|' /C calc'!A0";

  @TempDir Path dir;
  private ReportFixture db;

  @BeforeEach
  void setUp() {
    db = new ReportFixture();
    db.jdbc.update("UPDATE domain_result SET scanned_at = CAST('2025-03-01 10:01:02.123456+01:00' AS TIMESTAMP WITH"
        + " TIME ZONE) WHERE input_row_id = 2");
    evidence(2, "spf", SPF_EVIDENCE);
    evidence(3, "spf", HOSTILE + "\n+all\n@import");
    List<String> tall = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      tall.add("long.example. 300 IN TXT \"line " + i + "\"");
    }
    evidence(7, "spf", String.join("\n", tall));
  }

  private void evidence(long row, String check, String text) {
    db.jdbc.update("UPDATE check_result SET evidence = ? WHERE input_row_id = ? AND check_name = ?", text, row, check);
  }

  private XSSFWorkbook write() throws Exception {
    Path file = dir.resolve("report.xlsx");
    new WorkbookReport(db.dataSource).write(1, file);
    return Sheets.open(file);
  }

  @Test
  void oneRowPerDomainAndCheckWithScanTimeInUtc() throws Exception {
    try (XSSFWorkbook book = write()) {
      List<List<String>> rows = rows(book.getSheet("Evidence"));
      assertThat(rows.get(0)).containsExactly("Line", "Domain", "Check", "Status", "Scanned at (UTC)", "Part",
          "Evidence");
      assertThat(rows.get(1)).containsExactly("2", "example.com", "SPF", "PASS", "2025-03-01T09:01:02Z", "",
          SPF_EVIDENCE);
      assertThat(rows.get(2)).startsWith("2", "example.com", "DMARC", "PASS", "2025-03-01T09:01:02Z");
      assertThat(rows.stream().skip(1).map(r -> r.get(1)).distinct().toList())
          .containsExactly("example.com", "bad.example", "slow.example", "long.example");
      assertThat(rows).noneMatch(r -> r.contains("other.example") || r.contains("late.example"));
    }
  }

  @Test
  void evidenceThatLooksLikeAFormulaStaysText() throws Exception {
    try (XSSFWorkbook book = write()) {
      Row bad = book.getSheet("Evidence").getRow(3);
      assertThat(text(bad, 1)).isEqualTo("bad.example");
      assertThat(bad.getCell(6).getCellType()).isEqualTo(CellType.STRING);
      assertThat(bad.getCell(6).getStringCellValue()).isEqualTo(HOSTILE + "\n+all\n@import");
      assertThat(Sheets.allCells(book)).noneMatch(cell -> cell.getCellType() == CellType.FORMULA);
    }
  }

  @Test
  void tallEvidenceContinuesOnNumberedPartsWithRowHeights() throws Exception {
    try (XSSFWorkbook book = write()) {
      Sheet evidence = book.getSheet("Evidence");
      List<Row> parts = new ArrayList<>();
      for (Row row : evidence) {
        if ("long.example".equals(text(row, 1)) && "SPF".equals(text(row, 2))) {
          parts.add(row);
        }
      }
      assertThat(parts).hasSize(3);
      assertThat(parts.stream().map(r -> text(r, 5)).toList()).containsExactly("1/3", "2/3", "3/3");
      String joined = String.join("\n", parts.stream().map(r -> text(r, 6)).toList());
      assertThat(joined.split("\n")).hasSize(60).startsWith("long.example. 300 IN TXT \"line 0\"");
      assertThat(parts).allSatisfy(row -> {
        assertThat(row.getHeightInPoints()).isBetween(15f, 409f);
        assertThat(row.getCell(6).getCellStyle().getWrapText()).isTrue();
      });
      assertThat(parts.get(0).getHeightInPoints()).isEqualTo(26 * 15f);
    }
  }

  @Test
  void starttlsProbeLinesGetTheCertificateOfTheProbedServer() throws Exception {
    db.jdbc.update("UPDATE scan_run SET checks = 'spf,dmarc,starttls' WHERE id = 1");
    db.jdbc.update("INSERT INTO check_result (run_id, input_row_id, check_name, status, summary, evidence)"
        + " VALUES (1, 2, 'starttls', 'PASS', 'STARTTLS yes', ?)",
        "mx.example.com (192.0.2.25):25 TLS TLSv1.3 TLS_AES_128_GCM_SHA256\nmx2.example.com (192.0.2.26):25 NO_STARTTLS"
            + " no STARTTLS in EHLO");
    db.jdbc.update("INSERT INTO mail_server (run_id, host, address, port, starttls, protocol, subject, issuer,"
        + " not_after, validation) VALUES (1, 'mx.example.com', '192.0.2.25', 25, 'yes', 'TLSv1.3',"
        + " 'CN=mx.example.com', 'CN=Example CA', '2027-01-01T00:00:00Z', 'valid')");
    db.jdbc.update("INSERT INTO mail_server (run_id, host, address, port, starttls) VALUES"
        + " (1, 'mx2.example.com', '192.0.2.26', 25, 'no')");
    try (XSSFWorkbook book = write()) {
      Row starttls = null;
      for (Row row : book.getSheet("Evidence")) {
        if ("STARTTLS".equals(text(row, 2))) {
          starttls = row;
        }
      }
      assertThat(starttls).isNotNull();
      assertThat(text(starttls, 6).split("\n")).containsExactly(
          "mx.example.com (192.0.2.25):25 TLS TLSv1.3 TLS_AES_128_GCM_SHA256",
          "    certificate: subject CN=mx.example.com; issuer CN=Example CA; expires 2027-01-01T00:00:00Z;"
              + " validation: valid",
          "mx2.example.com (192.0.2.26):25 NO_STARTTLS no STARTTLS in EHLO");
    }
  }

  @Test
  void frozenOnDomainWithAutofilter() throws Exception {
    try (XSSFWorkbook book = write()) {
      XSSFSheet evidence = book.getSheet("Evidence");
      assertThat(evidence.getPaneInformation().getVerticalSplitLeftColumn()).isEqualTo((short) 2);
      assertThat(evidence.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
      assertThat(evidence.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:G" + (evidence.getLastRowNum() + 1));
      assertThat(evidence.getColumnWidth(6)).isEqualTo(EvidenceParts.WIDTH * 256);
    }
  }
}
