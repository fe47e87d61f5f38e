package io.mailsweep.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFormatTest {

  @TempDir Path dir;

  @Test
  void parsesCommaSeparatedNamesInAnyCaseAndOrder() {
    assertThat(ReportFormat.parse("jsonl, CSV,xlsx,csv")).containsExactlyInAnyOrder(ReportFormat.values());
    assertThat(ReportFormat.describe(ReportFormat.parse("jsonl,xlsx"))).isEqualTo("xlsx,jsonl");
    assertThatThrownBy(() -> ReportFormat.parse("xlsx,pdf"))
        .hasMessage("unknown report format 'pdf'; known formats: xlsx, csv, jsonl");
    assertThatThrownBy(() -> ReportFormat.parse(" , ")).hasMessageContaining("no report format named");
  }

  @Test
  void filesShareOneBaseNameAndTheMainFileLeadsBackToIt() {
    ReportFiles files = new ReportFiles(dir.resolve("mailsweep-report-2026-11-29"));
    Set<ReportFormat> all = EnumSet.allOf(ReportFormat.class);
    assertThat(files.files(all).stream().map(p -> p.getFileName().toString())).containsExactly(
        "mailsweep-report-2026-11-29.xlsx", "mailsweep-report-2026-11-29.csv",
        "mailsweep-report-2026-11-29-findings.csv", "mailsweep-report-2026-11-29.jsonl");
    assertThat(files.main(all)).isEqualTo(files.workbook());
    assertThat(files.main(EnumSet.of(ReportFormat.JSONL, ReportFormat.CSV))).isEqualTo(files.domainsCsv());
    for (ReportFormat format : ReportFormat.values()) {
      assertThat(ReportFiles.ofMain(files.main(EnumSet.of(format)))).isEqualTo(files);
    }
  }

  @Test
  void anyExistingFileOfTheFormatsCounts() throws Exception {
    ReportFiles files = new ReportFiles(dir.resolve("r"));
    Files.writeString(files.findingsCsv(), "x");
    assertThat(files.anyExists(EnumSet.of(ReportFormat.CSV))).isTrue();
    assertThat(files.anyExists(EnumSet.of(ReportFormat.XLSX, ReportFormat.JSONL))).isFalse();
  }
}
