package io.mailsweep.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.CheckOptions;
import io.mailsweep.check.CheckResult;
import io.mailsweep.check.ScanTarget;
import io.mailsweep.check.Status;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.DnsSettings;
import io.mailsweep.testing.dns.LabDnsServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A domain whose name servers never answer, scanned through the run's real DNS stack against the
 * in-process lab server on loopback: with the gate, its own TXT question is asked (and retried)
 * and nothing else; without, every check asks its lookups through all their retries.
 */
class UnansweredDomainsTest {
  private static final Path LAB = Path.of("samples/lab");
  private static final List<String> CHECKS = List.of("spf", "dmarc", "dkim", "mx");
  static LabDnsServer dns;

  @BeforeAll
  static void start() throws Exception {
    dns = LabDnsServer.start(LAB, LAB.resolve("faults.txt"));
  }

  @AfterAll
  static void stop() {
    dns.close();
  }

  @BeforeEach
  void reset() {
    dns.resetCounters();
  }

  private static DomainScan scan(String domain, boolean skipUnanswered) {
    DnsSettings settings = new DnsSettings(List.of(dns.socketAddress()), Duration.ofMillis(200), 1,
        Duration.ofMillis(10), 100, 1000, 8);
    ScanSettings scan = new ScanSettings(CHECKS, settings, Duration.ofSeconds(20), List.of(), Duration.ZERO,
        CheckOptions.DEFAULTS, TransportSettings.DEFAULTS, skipUnanswered);
    try (ScanEngine engine = new ScanEngine(scan)) {
      return engine.scanner().scan(ScanTarget.of(DomainName.of(domain))).join();
    }
  }

  @Test
  void aDomainWhoseTxtQuestionGoesUnansweredIsNotAskedAnythingElse() {
    DomainScan scan = scan("timeout.test", true);

    assertThat(scan.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(scan.results()).extracting(CheckResult::check).containsExactlyElementsOf(CHECKS);
    assertThat(scan.results()).allSatisfy(r -> {
      assertThat(r.status()).isEqualTo(Status.INCONCLUSIVE);
      assertThat(r.reason()).startsWith("not checked: the domain's name servers did not answer timeout.test TXT:"
          + " TIMEOUT").contains("2 tries");
      assertThat(r.evidence()).singleElement().asString().startsWith(";; timeout.test TXT: TIMEOUT");
    });
    // The question and its one retry; no DMARC, DKIM or MX question at all.
    assertThat(dns.queryCount("timeout.test", "TXT")).isEqualTo(2);
    assertThat(dns.totalQueries()).isEqualTo(2);
  }

  @Test
  void withAskAllEveryCheckAsksThroughItsRetries() {
    DomainScan scan = scan("timeout.test", false);

    assertThat(scan.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(dns.queryCount("_dmarc.timeout.test", "TXT")).isEqualTo(2);
    assertThat(dns.queryCount("timeout.test", "MX")).isEqualTo(2);
    assertThat(dns.totalQueries()).isGreaterThanOrEqualTo(6);
    assertThat(scan.results()).noneSatisfy(r -> assertThat(r.reason()).startsWith("not checked"));
  }

  @Test
  void anAnsweringDomainIsScannedAndItsTxtAskedOnce() {
    DomainScan scan = scan("good.test", true);

    assertThat(scan.results()).extracting(CheckResult::check).containsExactlyElementsOf(CHECKS);
    assertThat(scan.results()).filteredOn(r -> r.check().equals("spf")).singleElement()
        .extracting(CheckResult::status).isEqualTo(Status.PASS);
    // The gate's answer is the SPF check's: the run cache answers the second asking.
    assertThat(dns.queryCount("good.test", "TXT")).isEqualTo(1);
    assertThat(dns.queryCount("_dmarc.good.test", "TXT")).isEqualTo(1);
  }

  @Test
  void aDomainThatDoesNotExistIsStillChecked() {
    DomainScan scan = scan("gone.test", true);

    assertThat(scan.results()).noneSatisfy(r -> assertThat(r.reason()).startsWith("not checked"));
    assertThat(scan.results()).filteredOn(r -> r.check().equals("spf")).singleElement()
        .extracting(CheckResult::status).isEqualTo(Status.FAIL);
  }

  @Test
  void aServfailIsNotTakenForSilence() {
    DomainScan scan = scan("servfail.test", true);

    assertThat(scan.results()).noneSatisfy(r -> assertThat(r.reason()).startsWith("not checked"));
    assertThat(dns.queryCount("_dmarc.servfail.test", "TXT")).isEqualTo(2);
  }
}
