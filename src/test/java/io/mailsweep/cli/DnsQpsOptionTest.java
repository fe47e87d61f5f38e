package io.mailsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsweep.net.dns.QueryRate;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --dns-qps}: queries per second sent to each resolver. */
class DnsQpsOptionTest {

  private static QueryRate rate(String... options) {
    ScanCommand command = new ScanCommand();
    String[] args = new String[options.length + 3];
    args[0] = "in.csv";
    args[1] = "--resolver";
    args[2] = "127.0.0.1";
    System.arraycopy(options, 0, args, 3, options.length);
    new CommandLine(command).parseArgs(args);
    return command.options.toRequest(Path.of("in.csv")).settings().dns().queryRate();
  }

  @Test
  void autoByDefault() {
    assertThat(rate()).isEqualTo(QueryRate.AUTO);
  }

  @Test
  void aNumberNoneOrZero() {
    assertThat(rate("--dns-qps", "20")).isEqualTo(QueryRate.of(20));
    assertThat(rate("--dns-qps", "none")).isEqualTo(QueryRate.NONE);
    assertThat(rate("--dns-qps", "0")).isEqualTo(QueryRate.NONE);
  }

  @Test
  void anythingElseIsAUserError() {
    assertThatThrownBy(() -> rate("--dns-qps", "-5"))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith("--dns-qps: '-5' is not a DNS query rate");
  }
}
