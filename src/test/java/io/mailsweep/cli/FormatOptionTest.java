package io.mailsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsweep.report.ReportFormat;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --format}: the report files a scan writes. */
class FormatOptionTest {

  private static ScanOptions parse(String... args) {
    ScanCommand command = new ScanCommand();
    new CommandLine(command).parseArgs(args);
    return command.options;
  }

  @Test
  void theWorkbookByDefault() {
    assertThat(parse("in.csv", "--resolver", "127.0.0.1").toRequest(Path.of("in.csv")).formats())
        .containsExactly(ReportFormat.XLSX);
  }

  @Test
  void aCommaSeparatedListOrRepeatedOption() {
    assertThat(parse("in.csv", "--resolver", "127.0.0.1", "--format", "csv,jsonl").toRequest(Path.of("in.csv"))
        .formats()).containsExactlyInAnyOrder(ReportFormat.CSV, ReportFormat.JSONL);
    assertThat(parse("in.csv", "--resolver", "127.0.0.1", "--format", "xlsx", "--format", "csv")
        .toRequest(Path.of("in.csv")).formats()).containsExactlyInAnyOrder(ReportFormat.XLSX, ReportFormat.CSV);
  }

  @Test
  void anUnknownFormatIsAUserError() {
    assertThatThrownBy(() -> parse("in.csv", "--resolver", "127.0.0.1", "--format", "xlsx,pdf")
        .toRequest(Path.of("in.csv")))
        .isInstanceOf(UserError.class)
        .hasMessage("--format: unknown report format 'pdf'; known formats: xlsx, csv, jsonl");
  }
}
