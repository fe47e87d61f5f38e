package io.mailsweep.check.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.Finding;
import io.mailsweep.check.ScanTarget;
import io.mailsweep.check.Severity;
import io.mailsweep.check.Status;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.DnsSettings;
import io.mailsweep.net.dns.DnsjavaDns;
import io.mailsweep.scan.CheckCatalog;
import io.mailsweep.testing.dns.Fault;
import io.mailsweep.testing.dns.LabDnsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS-RPT check against records served by the in-process DNS server on loopback. */
class TlsRptCheckTest {
  @TempDir static Path zones;
  static LabDnsServer server;
  static ExecutorService executor;
  static TlsRptCheck check;

  @BeforeAll
  static void start() throws Exception {
    Files.writeString(zones.resolve("tlsrpt.zone"), """
        $ORIGIN tlsrpt.test.
        $TTL 300
        @                IN SOA ns hostmaster 1 3600 600 86400 60
        @                IN NS  ns
        ns               IN A   127.0.0.1
        ok               IN A   127.0.0.1
        _smtp._tls.ok    IN TXT "v=TLSRPTv1; rua=mailto:tls@vendor.test,https://report.vendor.test/tls"
        _smtp._tls.ok    IN TXT "google-site-verification=abc"
        _smtp._tls.many  IN TXT "v=TLSRPTv1; rua=mailto:a@vendor.test,mailto:b@vendor.test,mailto:c@vendor.test,https://r.vendor.test/"
        _smtp._tls.ext   IN TXT "v=TLSRPTv1; rua=mailto:tls@vendor.test; x-vendor=1"
        _smtp._tls.split IN TXT "v=TLSRPTv1; rua=mailto:tls@" "vendor.test"
        _smtp._tls.two   IN TXT "v=TLSRPTv1; rua=mailto:a@vendor.test"
        _smtp._tls.two   IN TXT "v=TLSRPTv1; rua=mailto:b@vendor.test"
        _smtp._tls.bad   IN TXT "v=TLSRPTv1; rua=mailto:tls@vendor.test!10m"
        _smtp._tls.norua IN TXT "v=TLSRPTv1;"
        _smtp._tls.other IN TXT "rua=mailto:tls@vendor.test; v=TLSRPTv1"
        none             IN A   127.0.0.1
        """);
    server = LabDnsServer.start(zones);
    server.fault("_smtp._tls.slow.tlsrpt.test", "*", Fault.timeout());
    executor = Executors.newFixedThreadPool(2);
    DnsSettings settings = new DnsSettings(List.of(server.socketAddress()), Duration.ofMillis(200), 0,
        Duration.ofMillis(10), 100, 1000, 8);
    check = new TlsRptCheck(new DnsjavaDns(settings, executor));
  }

  @AfterAll
  static void stop() {
    server.close();
    executor.shutdownNow();
  }

  private static CheckResult run(String label) {
    return check.run(ScanTarget.of(DomainName.of(label + ".tlsrpt.test"))).join();
  }

  private static List<String> codes(CheckResult r) {
    return r.findings().stream().map(Finding::code).toList();
  }

  @Test
  void aValidRecordPassesAndNamesItsDestinations() {
    CheckResult r = run("ok");
    assertThat(r.check()).isEqualTo("tlsrpt");
    assertThat(r.status()).isEqualTo(Status.PASS);
    assertThat(r.summary()).isEqualTo("rua: mailto:tls@vendor.test, https://report.vendor.test/tls");
    assertThat(r.findings()).isEmpty();
    assertThat(r.evidence()).anyMatch(e -> e.startsWith(";; _smtp._tls.ok.tlsrpt.test TXT: ANSWER"))
        .anyMatch(e -> e.contains("v=TLSRPTv1"));
  }

  @Test
  void longDestinationListsAreCutInTheSummary() {
    CheckResult r = run("many");
    assertThat(r.status()).isEqualTo(Status.PASS);
    assertThat(r.summary()).isEqualTo("rua: mailto:a@vendor.test, mailto:b@vendor.test, +2 more");
  }

  @Test
  void extensionFieldsAreNotedButPass() {
    CheckResult r = run("ext");
    assertThat(r.status()).isEqualTo(Status.PASS);
    assertThat(codes(r)).containsExactly("TLSRPT_EXTENSION_TAG");
    assertThat(r.findings().get(0).severity()).isEqualTo(Severity.INFO);
  }

  @Test
  void characterStringsAreJoinedBeforeParsing() {
    CheckResult r = run("split");
    assertThat(r.status()).isEqualTo(Status.PASS);
    assertThat(r.summary()).isEqualTo("rua: mailto:tls@vendor.test");
  }

  @Test
  void noRecordOnlyWarnsBecauseTlsRptIsOptional() {
    for (String label : List.of("none", "gone", "other")) {
      CheckResult r = run(label);
      assertThat(r.status()).as(label).isEqualTo(Status.WARN);
      assertThat(r.summary()).isEqualTo("none");
      assertThat(codes(r)).containsExactly("TLSRPT_MISSING");
      assertThat(r.findings().get(0).severity()).isEqualTo(Severity.LOW);
      assertThat(r.findings().get(0).remediation()).contains("recommended, not required");
    }
  }

  @Test
  void twoRecordsAreIgnoredByReceiversAndFail() {
    CheckResult r = run("two");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.summary()).isEqualTo("invalid: 2 records");
    assertThat(codes(r)).containsExactly("TLSRPT_MULTIPLE_RECORDS");
  }

  @Test
  void unusableRecordsFail() {
    CheckResult bad = run("bad");
    assertThat(bad.status()).isEqualTo(Status.FAIL);
    assertThat(codes(bad)).containsExactly("TLSRPT_INVALID_RUA");
    assertThat(bad.summary()).startsWith("invalid: rua destination 'mailto:tls@vendor.test!10m'");
    CheckResult norua = run("norua");
    assertThat(norua.status()).isEqualTo(Status.FAIL);
    assertThat(codes(norua)).containsExactly("TLSRPT_INVALID");
    assertThat(norua.summary()).isEqualTo("invalid: no rua= field: the record names no destination for reports");
    assertThat(norua.findings().get(0).message()).contains("at character 11");
  }

  @Test
  void aTimeoutIsInconclusiveAndNamesTheLookup() {
    CheckResult r = run("slow");
    assertThat(r.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(r.reason()).contains("_smtp._tls.slow.tlsrpt.test").contains("TXT").contains("TIMEOUT");
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void theCatalogKnowsTheCheck() {
    assertThat(CheckCatalog.parse("tlsrpt")).containsExactly("tlsrpt");
  }
}
