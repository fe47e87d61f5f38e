package io.mailsweep.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON Lines: one object per accepted input row with its checks, attributes, evidence and findings. */
class JsonLinesReportTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private List<String> lines;
  private List<JsonNode> objects;

  @BeforeEach
  void setUp() throws Exception {
    ReportFixture db = new ReportFixture();
    db.jdbc.update("UPDATE check_result SET evidence = ?, attributes = ? WHERE input_row_id = 2 AND check_name = 'spf'",
        ";; example.com TXT: ANSWER\nexample.com. 300 IN TXT \"v=spf1 -all\"", "Worst TLS=TLSv1.2\nCertificate=valid\n");
    db.jdbc.update("INSERT INTO finding (run_id, input_row_id, check_name, code, severity, message)"
        + " VALUES (1, 7, 'dane', 'ORPHAN', 'INFO', 'no dane result stored')");
    ReportFiles files = new ReportFiles(dir.resolve("report"));
    new RunReports(new WorkbookReport(db.dataSource), db.dataSource).write(1, files, EnumSet.of(ReportFormat.JSONL));
    String text = Files.readString(files.jsonLines(), StandardCharsets.UTF_8);
    assertThat(text).endsWith("}\n");
    lines = List.of(text.split("\n"));
    objects = new ArrayList<>();
    for (String line : lines) {
      objects.add(JSON.readTree(line));
    }
  }

  @Test
  void oneObjectPerAcceptedInputRowInInputOrder() {
    assertThat(lines).hasSize(5).allMatch(line -> line.startsWith("{\"run_id\":1,"));
    assertThat(objects.stream().map(o -> o.get("domain").asText()).toList())
        .containsExactly("example.com", "bad.example", "slow.example", "long.example", "late.example");
    JsonNode first = objects.get(0);
    assertThat(first.get("line").asLong()).isEqualTo(2);
    assertThat(first.get("input").get("vendor").asText()).isEqualTo("Acme");
    assertThat(first.get("input").get("owner").asText()).isEqualTo("alice");
    assertThat(first.get("overall").asText()).isEqualTo("PASS");
    assertThat(first.get("scanned_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(first.get("reason").isNull()).isTrue();
  }

  @Test
  void checksCarryAttributesEvidenceAndTheirOwnFindings() {
    JsonNode spf = objects.get(0).get("checks").get(0);
    assertThat(spf.get("check").asText()).isEqualTo("spf");
    assertThat(spf.get("status").asText()).isEqualTo("PASS");
    assertThat(spf.get("summary").asText()).isEqualTo("v=spf1 -all");
    assertThat(spf.get("attributes").get("Worst TLS").asText()).isEqualTo("TLSv1.2");
    assertThat(spf.get("evidence").get(1).asText()).isEqualTo("example.com. 300 IN TXT \"v=spf1 -all\"");
    assertThat(spf.get("findings")).isEmpty();
    JsonNode dmarc = objects.get(0).get("checks").get(1);
    assertThat(dmarc.get("findings")).hasSize(1);
    assertThat(dmarc.get("findings").get(0).get("code").asText()).isEqualTo("DMARC_NO_RUA");
    assertThat(dmarc.get("findings").get(0).get("message").asText()).isEqualTo("Bell no aggregate reports requested");
    JsonNode bad = objects.get(1);
    assertThat(bad.get("checks").get(0).get("findings").get(0).get("code").asText()).isEqualTo("SPF_PLUS_ALL");
    assertThat(bad.get("checks").get(1).get("findings").get(0).get("code").asText()).isEqualTo("DMARC_MISSING");
  }

  @Test
  void textIsKeptAsItIsApartFromCharactersNoDocumentMayCarry() {
    JsonNode bad = objects.get(1);
    assertThat(bad.get("input").get("vendor").asText()).isEqualTo(ReportFixture.FORMULA_VENDOR);
    assertThat(bad.get("checks").get(0).get("summary").asText()).isEqualTo("+all permits every sender");
    assertThat(objects.get(2).get("input").get("vendor").asText()).isEqualTo("CtrlCorp");
    assertThat(objects.get(2).get("reason").asText()).isEqualTo("DNS timeout after 3 tries; SERVFAIL from all resolvers");
    assertThat(objects.get(3).get("input").get("owner").asText()).hasSize(40_000);
  }

  @Test
  void aDomainNotScannedHasNoOverallAndNoChecks() {
    JsonNode late = objects.get(4);
    assertThat(late.get("overall").isNull()).isTrue();
    assertThat(late.get("scanned_at").isNull()).isTrue();
    assertThat(late.get("checks")).isEmpty();
  }

  @Test
  void findingsOfACheckWithoutStoredResultAreKeptAtTheTop() {
    JsonNode longExample = objects.get(3);
    assertThat(longExample.get("findings")).hasSize(1);
    assertThat(longExample.get("findings").get(0).get("check").asText()).isEqualTo("dane");
    assertThat(objects.get(0).has("findings")).isFalse();
  }
}
