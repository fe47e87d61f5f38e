package io.mailsweep.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.report.ReportFiles;
import io.mailsweep.report.ReportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report file names: one base name for all formats, never overwriting another run's files. */
class ReportTaskletTest {

  @TempDir Path dir;

  private final String date = LocalDate.now(ZoneOffset.UTC).toString();

  @Test
  void aFreshRunTakesThePlainDatedName() {
    ReportFiles files = ReportTasklet.target(dir, 7, null, ReportName.DEFAULT, "scan", java.time.Instant.now(), EnumSet.of(ReportFormat.XLSX, ReportFormat.CSV));
    assertThat(files.base()).isEqualTo(dir.resolve("mailsweep-report-" + date));
  }

  @Test
  void anyFileOfTheFormatsAlreadyThereAddsTheRunId() throws Exception {
    Files.writeString(dir.resolve("mailsweep-report-" + date + ".jsonl"), "{}");
    assertThat(ReportTasklet.target(dir, 7, null, ReportName.DEFAULT, "scan", java.time.Instant.now(), EnumSet.of(ReportFormat.XLSX, ReportFormat.JSONL)).base())
        .isEqualTo(dir.resolve("mailsweep-report-" + date + "-run7"));
    assertThat(ReportTasklet.target(dir, 7, null, ReportName.DEFAULT, "scan", java.time.Instant.now(), EnumSet.of(ReportFormat.XLSX)).base())
        .isEqualTo(dir.resolve("mailsweep-report-" + date));
  }

  @Test
  void aRestartedRunRewritesTheFilesItRecorded() {
    Path recorded = dir.resolve("mailsweep-report-2026-01-02-run3.csv");
    assertThat(ReportTasklet.target(dir, 3, recorded.toString(), ReportName.DEFAULT, "scan", java.time.Instant.now(), EnumSet.of(ReportFormat.CSV)).domainsCsv())
        .isEqualTo(recorded);
  }
}
