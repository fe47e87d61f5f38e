package io.mailsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsweep.job.ScanRequest;
import io.mailsweep.net.dns.QueryRate;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The options that keep a scan polite to others' servers: {@code --dns-qps} (queries per second to
 * each resolver) and {@code --smtp-per-subnet} (probes at once into one /24 or /48).
 */
class PolitenessOptionsTest {

  private static ScanRequest request(String... options) {
    ScanCommand command = new ScanCommand();
    String[] args = new String[options.length + 3];
    args[0] = "in.csv";
    args[1] = "--resolver";
    args[2] = "127.0.0.1";
    System.arraycopy(options, 0, args, 3, options.length);
    new picocli.CommandLine(command).parseArgs(args);
    return command.options.toRequest(Path.of("in.csv"));
  }

  private static QueryRate rate(String... options) {
    return request(options).settings().dns().queryRate();
  }

  private static int perSubnet(String... options) {
    return request(options).settings().transport().smtpPerSubnet();
  }

  @Test
  void dnsQpsIsAutoByDefault() {
    assertThat(rate()).isEqualTo(QueryRate.AUTO);
  }

  @Test
  void dnsQpsTakesANumberNoneOrZero() {
    assertThat(rate("--dns-qps", "20")).isEqualTo(QueryRate.of(20));
    assertThat(rate("--dns-qps", "none")).isEqualTo(QueryRate.NONE);
    assertThat(rate("--dns-qps", "0")).isEqualTo(QueryRate.NONE);
  }

  @Test
  void anyOtherDnsQpsIsAUserError() {
    assertThatThrownBy(() -> rate("--dns-qps", "-5"))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith("--dns-qps: '-5' is not a DNS query rate");
  }

  @Test
  void smtpPerSubnetIsFourByDefaultAndBounded() {
    assertThat(perSubnet()).isEqualTo(4);
    assertThat(perSubnet("--smtp-per-subnet", "1")).isEqualTo(1);
    assertThatThrownBy(() -> perSubnet("--smtp-per-subnet", "0"))
        .isInstanceOf(UserError.class)
        .hasMessage("SMTP probes per subnet must be between 1 and 1024");
  }
}
