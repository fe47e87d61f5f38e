package io.mailsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --contact-column}: a column named on purpose for the e2ee check must be in the input's
 * header (any case), or nothing is scanned; the default column may be absent (no contacts).
 */
class ContactColumnTest {
  @TempDir Path dir;

  private static ScanOptions parse(String... args) {
    ScanCommand command = new ScanCommand();
    new CommandLine(command).parseArgs(args);
    return command.options;
  }

  private Path csv(String text) throws Exception {
    return Files.writeString(dir.resolve("vendors.csv"), text);
  }

  @Test
  void aNamedColumnMissingFromTheHeaderStopsTheRunNamingTheColumnsThereAre() throws Exception {
    Path input = csv("Vendor,Domain,Owner\nAcme,acme.test,alice@acme.test\n");
    ScanOptions options = parse(input.toString(), "--checks", "spf,e2ee", "--contact-column", "Security contact");
    assertThatThrownBy(() -> InputFiles.check(input, options.column, options.namedContactColumn()))
        .isInstanceOf(UserError.class)
        .hasMessage("--contact-column: column 'Security contact' not found in the header of " + input
            + "; its other columns: Vendor, Owner");
  }

  @Test
  void aNamedColumnIsFoundInAnyCase() throws Exception {
    Path input = csv("Vendor,Domain,SECURITY CONTACT\nAcme,acme.test,alice@acme.test\n");
    ScanOptions options = parse(input.toString(), "--checks", "e2ee", "--contact-column", "security contact");
    assertThatCode(() -> InputFiles.check(input, options.column, options.namedContactColumn()))
        .doesNotThrowAnyException();
  }

  @Test
  void theDefaultColumnMayBeAbsentAndNoColumnMattersWithoutTheCheck() throws Exception {
    assertThat(parse("in.csv", "--checks", "e2ee").namedContactColumn()).isNull();
    assertThat(parse("in.csv", "--checks", "spf", "--contact-column", "Owner").namedContactColumn()).isNull();
    assertThat(parse("in.csv", "--checks", "spf,e2ee", "--contact-column", "Owner").namedContactColumn())
        .isEqualTo("Owner");
  }
}
