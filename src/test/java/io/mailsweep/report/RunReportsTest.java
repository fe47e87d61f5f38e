package io.mailsweep.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportsTest {

  @TempDir Path dir;

  @Test
  void writesEveryFormatAskedForAndNothingElse() throws Exception {
    ReportFixture db = new ReportFixture();
    ReportFiles files = new ReportFiles(dir.resolve("mailsweep-report"));
    Files.writeString(files.jsonLines(), "old");
    var written = new RunReports(new WorkbookReport(db.dataSource), db.dataSource)
        .write(1, files, EnumSet.allOf(ReportFormat.class));
    assertThat(written).containsExactly(files.workbook(), files.domainsCsv(), files.findingsCsv(), files.jsonLines());
    try (Stream<Path> listing = Files.list(dir)) {
      assertThat(listing).containsExactlyInAnyOrderElementsOf(written);
    }
    assertThat(Files.readString(files.jsonLines())).startsWith("{\"run_id\":1,");
  }

  @Test
  void anUnknownRunWritesNothing() {
    ReportFixture db = new ReportFixture();
    ReportFiles files = new ReportFiles(dir.resolve("none"));
    assertThatThrownBy(() -> new RunReports(new WorkbookReport(db.dataSource), db.dataSource)
        .write(99, files, EnumSet.of(ReportFormat.CSV, ReportFormat.JSONL)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("99");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void anUnknownRunWritesNothingInAnyFormat() {
    ReportFixture db = new ReportFixture();
    ReportFiles files = new ReportFiles(dir.resolve("none"));
    assertThatThrownBy(() -> new RunReports(new WorkbookReport(db.dataSource), db.dataSource)
        .write(99, files, EnumSet.allOf(ReportFormat.class)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("99");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void aDataFileThatCannotBeWrittenFailsTheReportOnceTheWorkbookWrittenBesideItIsComplete() throws Exception {
    ReportFixture db = new ReportFixture();
    ReportFiles files = new ReportFiles(dir.resolve("mailsweep-report"));
    Files.createDirectories(files.domainsCsv().resolve("in-the-way"));

    assertThatThrownBy(() -> new RunReports(new WorkbookReport(db.dataSource), db.dataSource)
        .write(1, files, EnumSet.of(ReportFormat.XLSX, ReportFormat.CSV)))
        .isInstanceOf(java.io.UncheckedIOException.class);
    assertThat(Sheets.open(files.workbook()).getSheet("Domains").getLastRowNum()).isPositive();
  }
}
