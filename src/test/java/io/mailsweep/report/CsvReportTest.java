package io.mailsweep.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV files: RFC 4180, UTF-8, the Domains and Findings columns, formula-looking cells neutralised. */
class CsvReportTest {

  @TempDir Path dir;
  private ReportFixture db;
  private ReportFiles files;

  @BeforeEach
  void setUp() {
    db = new ReportFixture();
    db.jdbc.update("UPDATE input_row SET extras = ? WHERE id = 2", "\"Bücher, \"\"Acme\"\"\",\"line1\nline2\"");
    files = new ReportFiles(dir.resolve("report"));
    new RunReports(new WorkbookReport(db.dataSource), db.dataSource).write(1, files, EnumSet.of(ReportFormat.CSV));
  }

  @Test
  void writesOnlyTheCsvFilesWithTheirBaseName() throws Exception {
    try (var listing = Files.list(dir)) {
      assertThat(listing.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("report-findings.csv", "report.csv");
    }
  }

  @Test
  void domainsFileHasTheDomainsColumnsAndOneRowPerAcceptedInputRow() throws Exception {
    List<CSVRecord> rows = read(files.domainsCsv());
    assertThat(rows.get(0).toList()).containsExactly("Line", "Domain", "vendor", "owner", "Overall", "SPF",
        "SPF detail", "DMARC", "DMARC detail", "Reason");
    assertThat(rows).hasSize(6);
    assertThat(rows.get(1).toList()).containsExactly("2", "example.com", "Bücher, \"Acme\"", "line1\nline2", "PASS",
        "PASS", "v=spf1 -all", "PASS", "p=reject", "");
    assertThat(rows.get(5).toList()).startsWith("8", "late.example", "Delta", "frank", "not scanned");
  }

  @Test
  void cellsThatWouldRunAsFormulasGetALeadingQuote() throws Exception {
    List<CSVRecord> rows = read(files.domainsCsv());
    CSVRecord bad = rows.get(2);
    assertThat(bad.get(2)).isEqualTo("'" + ReportFixture.FORMULA_VENDOR);
    assertThat(bad.get(6)).isEqualTo("'+all permits every sender");
    assertThat(bad.get(8)).isEqualTo("'-no DMARC record");
    assertThat(rows.get(3).get(6)).isEqualTo("'@ evidence: none");
    assertThat(rows.get(3).get(2)).isEqualTo("CtrlCorp");
    List<CSVRecord> findings = read(files.findingsCsv());
    assertThat(findings.get(3).get(4)).isEqualTo("'-no DMARC record at _dmarc.bad.example");
    assertThat(findings.get(2).get(4)).isEqualTo("'+all lets any host send as bad.example");
  }

  @Test
  void findingsFileHasTheFindingsColumnsInOrder() throws Exception {
    List<CSVRecord> rows = read(files.findingsCsv());
    assertThat(rows.get(0).toList()).containsExactly("Domain", "Check", "Code", "Severity", "Message", "Remediation",
        "Reference");
    assertThat(rows).hasSize(4);
    assertThat(rows.get(1).toList()).containsExactly("example.com", "DMARC", "DMARC_NO_RUA", "LOW",
        "Bell no aggregate reports requested", "Fix DMARC_NO_RUA", "RFC 7489");
  }

  @Test
  void isRfc4180WithCrlfAndUtf8WithoutByteOrderMark() throws Exception {
    byte[] bytes = Files.readAllBytes(files.domainsCsv());
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertThat(bytes[0]).isEqualTo((byte) 'L');
    assertThat(text).startsWith("Line,Domain,vendor,owner,Overall,SPF,SPF detail,DMARC,DMARC detail,Reason\r\n");
    assertThat(text).contains("2,example.com,\"Bücher, \"\"Acme\"\"\",\"line1\nline2\",PASS,");
    assertThat(text).endsWith("\r\n");
    assertThat(text.getBytes(StandardCharsets.UTF_8)).isEqualTo(bytes);
  }

  @Test
  void neutralisesExactlyTheOwaspLeadingCharacters() {
    assertThat(CsvText.cell("=1+1")).isEqualTo("'=1+1");
    assertThat(CsvText.cell("+1")).isEqualTo("'+1");
    assertThat(CsvText.cell("-1")).isEqualTo("'-1");
    assertThat(CsvText.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvText.cell("\tx")).isEqualTo("'\tx");
    assertThat(CsvText.cell("\rx")).isEqualTo("'\rx");
    assertThat(CsvText.cell("a=1")).isEqualTo("a=1");
    assertThat(CsvText.cell(" =1")).isEqualTo(" =1");
    assertThat(CsvText.cell(null)).isEmpty();
    assertThat(CsvText.cell("\u0000=x")).isEqualTo("'=x");
  }

  private static List<CSVRecord> read(Path file) throws Exception {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return new ArrayList<>(CSVFormat.RFC4180.parse(in).getRecords());
    }
  }
}
