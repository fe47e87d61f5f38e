package io.mailsweep.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsweep.check.CheckOptions;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.DnsSettings;
import io.mailsweep.net.dns.QueryRate;
import io.mailsweep.report.ReportFormat;
import io.mailsweep.scan.ScanSettings;
import io.mailsweep.scan.TransportSettings;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParameters;

/** A restarted run must scan exactly as it started: the request survives the job parameters. */
class RunParametersTest {
  @Test
  void aRequestRoundTripsThroughJobParameters() {
    DnsSettings dns = new DnsSettings(List.of(new InetSocketAddress("127.0.0.1", 5353),
        new InetSocketAddress("::1", 53)), Duration.ofMillis(700), 3, Duration.ofMillis(50), 64, 1000, 8)
        .withQueryRate(QueryRate.of(20));
    ScanSettings settings = new ScanSettings(List.of("spf", "dkim"), dns, Duration.ofSeconds(9),
        List.of(DomainName.of("canary.test")), Duration.ofSeconds(2),
        new CheckOptions(List.of("s1", "vendor"), 1024, 3072));
    ScanRequest request = new ScanRequest("nightly", Path.of("/data/vendors.csv"), "Domain", Path.of("/out"),
        settings, 6, 3, 250);
    ScanRequest back = RunParameters.request(RunParameters.of(42, request));
    assertThat(back).isEqualTo(request);
    assertThat(RunParameters.runId(RunParameters.of(42, request))).isEqualTo(42);
    assertThat(RunParameters.of(42, request).getIdentifyingParameters()).hasSize(1);
  }

  @Test
  void transportSettingsRoundTripToo() {
    DnsSettings dns = new DnsSettings(List.of(new InetSocketAddress("127.0.0.1", 5353)), Duration.ofMillis(700), 1,
        Duration.ofMillis(50), 64, 1000, 8);
    TransportSettings transport = new TransportSettings(List.of("127.0.25.0/24", "::1/128"), false,
        List.of(Path.of("/lab/ca.pem")), 2525, "scanner.lab.test", Duration.ofMillis(300), Duration.ofMillis(400),
        Duration.ofMillis(500), Duration.ofSeconds(5), false, true, 7, 3, 99, List.of("mx1.lab.test"), 8443,
        Duration.ofSeconds(2), Duration.ofSeconds(3), 14, Path.of("/lab/tls.test.anchor"), true,
        Duration.ofMinutes(2));
    ScanSettings settings = new ScanSettings(List.of("mx", "starttls", "dane"), dns, Duration.ofSeconds(9),
        List.of(), Duration.ZERO.plusSeconds(1), CheckOptions.DEFAULTS, transport, false);
    ScanRequest request = new ScanRequest("lab", Path.of("/in.csv"), null, Path.of("/out"), settings, 1, 1, 10);
    JobParameters parameters = RunParameters.of(7, request);
    assertThat(RunParameters.request(parameters)).isEqualTo(request);
    assertThat(parameters.getString("transport.smtp.per-subnet")).isEqualTo("3");
    assertThat(parameters.getString("unanswered.domains")).isEqualTo("ask-all");
    JobParameters withoutPerSubnet = new JobParameters(parameters.parameters().stream()
        .filter(p -> !p.name().equals("transport.smtp.per-subnet")).collect(Collectors.toSet()));
    assertThat(RunParameters.request(withoutPerSubnet).settings().transport().smtpPerSubnet()).isEqualTo(4);
  }

  @Test
  void reportFormatsRoundTripAndOlderRunsMeanTheWorkbook() {
    DnsSettings dns = new DnsSettings(List.of(new InetSocketAddress("127.0.0.1", 53)), Duration.ofMillis(700), 1,
        Duration.ofMillis(50), 64, 1000, 8);
    ScanSettings settings = new ScanSettings(List.of("spf"), dns, Duration.ofSeconds(9), List.of(), Duration.ZERO,
        CheckOptions.DEFAULTS);
    ScanRequest request = new ScanRequest("lab", Path.of("/in.csv"), null, Path.of("/out"), settings, 1, 1, 10,
        ReportName.DEFAULT, EnumSet.of(ReportFormat.CSV, ReportFormat.JSONL), "strict");
    JobParameters parameters = RunParameters.of(7, request);
    assertThat(parameters.getString("report.formats")).isEqualTo("csv,jsonl");
    assertThat(RunParameters.request(parameters)).isEqualTo(request);
    JobParameters withoutFormats = new JobParameters(parameters.parameters().stream()
        .filter(p -> !p.name().equals("report.formats")).collect(Collectors.toSet()));
    assertThat(RunParameters.request(withoutFormats).formats()).containsExactly(ReportFormat.XLSX);
    assertThat(new ScanRequest("lab", Path.of("/in.csv"), null, Path.of("/out"), settings, 1, 1, 10).formats())
        .containsExactly(ReportFormat.XLSX);
  }

  @Test
  void theQueryRateIsRecordedWithWhatItMeansForEachResolverAndOlderRunsMeanAuto() {
    DnsSettings dns = new DnsSettings(List.of(new InetSocketAddress("8.8.8.8", 53),
        new InetSocketAddress("127.0.0.1", 5353)), Duration.ofMillis(700), 1, Duration.ofMillis(50), 64, 1000, 8);
    ScanSettings settings = new ScanSettings(List.of("spf"), dns, Duration.ofSeconds(9), List.of(), Duration.ZERO,
        CheckOptions.DEFAULTS);
    ScanRequest request = new ScanRequest("lab", Path.of("/in.csv"), null, Path.of("/out"), settings, 1, 1, 10);
    JobParameters parameters = RunParameters.of(7, request);
    assertThat(parameters.getString("dns.qps")).isEqualTo("auto");
    assertThat(parameters.getString("dns.qps.per-resolver")).isEqualTo("8.8.8.8:53 100/s, 127.0.0.1:5353 none");
    JobParameters withoutRate = new JobParameters(parameters.parameters().stream()
        .filter(p -> !p.name().startsWith("dns.qps")).collect(Collectors.toSet()));
    assertThat(RunParameters.request(withoutRate)).isEqualTo(request);
    assertThat(RunParameters.request(withoutRate).settings().dns().queryRate()).isEqualTo(QueryRate.AUTO);
  }

  @Test
  void resolverAddressesAreLiteralsWithOptionalPorts() {
    assertThat(ResolverAddress.parse("127.0.0.1")).isEqualTo(new InetSocketAddress("127.0.0.1", 53));
    assertThat(ResolverAddress.parse("127.0.0.1:5353").getPort()).isEqualTo(5353);
    assertThat(ResolverAddress.parse("[::1]:5353")).isEqualTo(new InetSocketAddress("::1", 5353));
    assertThat(ResolverAddress.parse("::1").getPort()).isEqualTo(53);
    assertThatThrownBy(() -> ResolverAddress.parse("dns.example")).hasMessageContaining("not a host name");
    assertThatThrownBy(() -> ResolverAddress.parse("127.0.0.1:0")).hasMessageContaining("1..65535");
    assertThatThrownBy(() -> ResolverAddress.parse("[::1")).hasMessageContaining("missing ']'");
  }
}
