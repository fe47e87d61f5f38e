package io.mailsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options of {@code scan}, the README's option tables and the job-file keys stay in step: every
 * option is documented and can be given in a job file, and every job-file key is an option.
 */
class ScanOptionsDocumentedTest {
  /** Job-file keys whose option has another name. */
  private static String optionOf(String key) {
    return switch (key) {
      case "name" -> "--job-name";
      case "resolvers" -> "--resolver";
      case "tls-versions" -> "--no-tls-versions";
      case "weak-ciphers" -> "--no-weak-ciphers";
      default -> "--" + key;
    };
  }

  private static Set<String> scanOptions() {
    Set<String> names = new TreeSet<>();
    for (OptionSpec option : new CommandLine(new ScanCommand()).getCommandSpec().options()) {
      if (!option.usageHelp() && !option.versionHelp()) {
        names.add(option.longestName());
      }
    }
    return names;
  }

  @Test
  void everyOptionHasARowInTheReadme() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    assertThat(scanOptions()).hasSizeGreaterThan(40).allSatisfy(option ->
        assertThat(readme).as("README row for %s", option).containsPattern("(?m)^\\| `" + option + "[ `]"));
  }

  @Test
  void everyJobFileKeyIsAnOptionAndEveryOptionAJobFileKey() {
    Set<String> fromKeys = new TreeSet<>();
    for (String key : JobFile.keys()) {
      if (!key.equals("input") && !JobFile.scheduleKeys().contains(key)) {
        fromKeys.add(optionOf(key));
      }
    }
    Set<String> options = scanOptions();
    assertThat(options).containsAll(fromKeys);
    // canary: false stands for --no-canary.
    assertThat(fromKeys).containsAll(options.stream().filter(o -> !o.equals("--no-canary")).toList());
    assertThat(List.of("--dns-qps", "--smtp-per-subnet")).allSatisfy(o -> assertThat(fromKeys).contains(o));
  }
}
