package io.mailsweep.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsweep.check.CheckOptions;
import io.mailsweep.net.dns.DnsSettings;
import io.mailsweep.report.ReportFormat;
import io.mailsweep.scan.ScanSettings;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportNameTest {
  private static final java.util.Set<ReportFormat> XLSX = EnumSet.of(ReportFormat.XLSX);
  private static final Instant AT = Instant.parse("2026-03-01T23:05:09Z");

  @Test
  void tokensBecomeJobDateTimeAndRun() {
    assertThat(new ReportName("vendors-{date}-{run}.xlsx").render("nightly", AT, 42))
        .isEqualTo("vendors-2026-03-01-42.xlsx");
    assertThat(new ReportName("{job}_{date}T{time}.xlsx").render("vendors-nightly", AT, 7))
        .isEqualTo("vendors-nightly_2026-03-01T230509.xlsx");
    assertThat(ReportName.DEFAULT.render("scan", AT, 1)).isEqualTo("mailsweep-report-2026-03-01.xlsx");
    assertThat(ReportName.DEFAULT.renderUnique("scan", AT, 9)).isEqualTo("mailsweep-report-2026-03-01-run9.xlsx");
  }

  @Test
  void theJobNameIsMadeSafeForAFileName() {
    ReportName name = new ReportName("{job}.xlsx");
    assertThat(name.render("EU vendors/../x", AT, 1)).isEqualTo("EU_vendors_.._x.xlsx");
    assertThat(name.render("..", AT, 1)).isEqualTo("_..xlsx");
    assertThat(name.render("=HYPERLINK(\"x\")", AT, 1)).isEqualTo("_HYPERLINK__x__.xlsx");
    assertThat(name.render("a".repeat(300), AT, 1)).hasSize(64 + ".xlsx".length());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      reports/vendors.xlsx      | is a file name, not a path: '/' is not allowed
      a\\vendors.xlsx            | '\\' is not allowed
      vendors-{date}.csv        | must end with .xlsx
      vendors.XLSX              | must end with .xlsx
      .xlsx                     | must end with .xlsx
      .hidden.xlsx              | not start with a dot
      vendors-{dat}.xlsx        | unknown token {dat}; the tokens are {job} {date} {time} {run}
      vendors-{date.xlsx        | unmatched brace
      vendors-}{date}.xlsx      | unmatched brace
      vendors:{date}.xlsx       | ':' is not allowed
      ""                        | a report name has 1 to 200 characters
      """)
  void patternsThatAreNotOneSafeWorkbookNameAreRejected(String pattern, String message) {
    assertThatThrownBy(() -> new ReportName(pattern)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void aLongPatternIsRejected() {
    assertThatThrownBy(() -> new ReportName("v".repeat(200) + ".xlsx")).hasMessageContaining("1 to 200");
  }

  @Test
  void aRunKeepsItsPatternThroughTheJobParametersAndOlderRunsHaveTheDefault() {
    DnsSettings dns = new DnsSettings(List.of(new InetSocketAddress("127.0.0.1", 53)), Duration.ofSeconds(1), 1,
        Duration.ofMillis(50), 64, 1000, 8);
    ScanSettings settings = new ScanSettings(List.of("spf"), dns, Duration.ofSeconds(9), List.of(),
        Duration.ofSeconds(2), CheckOptions.DEFAULTS);
    ScanRequest request = new ScanRequest("nightly", Path.of("/in.csv"), null, Path.of("/out"), settings, 1, 1, 10,
        new ReportName("{job}-{date}-{run}.xlsx"), EnumSet.of(ReportFormat.XLSX), "baseline");
    JobParameters parameters = RunParameters.of(3, request);
    assertThat(parameters.getString("report.name")).isEqualTo("{job}-{date}-{run}.xlsx");
    assertThat(RunParameters.request(parameters).reportName()).isEqualTo(request.reportName());
    JobParametersBuilder older = new JobParametersBuilder().addLong(RunParameters.RUN_ID, 3L);
    RunParameters.describe(request).forEach((k, v) -> {
      if (!k.equals("report.name")) {
        older.addString(k, v);
      }
    });
    assertThat(RunParameters.request(older.toJobParameters()).reportName()).isEqualTo(ReportName.DEFAULT);
  }

  @Test
  void anExistingFileIsNeverOverwrittenAndARestartKeepsItsFile(@TempDir Path dir) throws Exception {
    ReportName name = new ReportName("vendors-{date}.xlsx");
    Path first = ReportTasklet.target(dir, 1, null, name, "nightly", AT, XLSX).workbook();
    assertThat(first).isEqualTo(dir.resolve("vendors-2026-03-01.xlsx"));
    Files.createFile(first);
    assertThat(ReportTasklet.target(dir, 2, null, name, "nightly", AT, XLSX).workbook())
        .isEqualTo(dir.resolve("vendors-2026-03-01-run2.xlsx"));
    assertThat(ReportTasklet.target(dir, 1, first.toString(), name, "nightly", AT, XLSX).workbook()).isEqualTo(first);
  }
}
