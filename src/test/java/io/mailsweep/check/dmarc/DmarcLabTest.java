package io.mailsweep.check.dmarc;

import io.mailsweep.testing.dns.LabDns;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.Finding;
import io.mailsweep.check.ScanTarget;
import io.mailsweep.check.Status;
import io.mailsweep.domain.DomainName;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The DMARC check over the shared lab (samples/lab: test.zone with faults.txt), as the job scans it. */
class DmarcLabTest {
  private static final Path LAB = Path.of("samples/lab");

  static LabDns lab;

  @BeforeAll
  static void start() throws Exception {
    lab = LabDns.serve(LAB, LAB.resolve("faults.txt"));
  }

  @AfterAll
  static void stop() {
    lab.close();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "good.test       | PASS         | p=reject; pct=100; rua ok; aspf=r adkim=r |",
    "quarantine.test | PASS         | p=quarantine; pct=100; no rua; aspf=r adkim=r | DMARC_NO_RUA",
    "monitor.test    | WARN         | p=none; pct=100; no rua; aspf=r adkim=r | DMARC_POLICY_NONE",
    "nodmarc.test    | FAIL         | none | DMARC_MISSING",
    "gone.test       | FAIL         | none | DMARC_MISSING",
    "baddmarc.test   | FAIL         | invalid | DMARC_INVALID",
    "twodmarc.test   | FAIL         | invalid: 2 records | DMARC_MULTIPLE_RECORDS",
    "timeout.test    | INCONCLUSIVE | inconclusive |",
    "servfail.test   | INCONCLUSIVE | inconclusive |",
  })
  void theLabDomains(String domain, Status status, String summary, String code) {
    CheckResult r = new DmarcCheck(lab.dns()).run(ScanTarget.of(DomainName.of(domain))).join();
    assertThat(r.status()).isEqualTo(status);
    assertThat(r.summary()).isEqualTo(summary);
    if (code == null) {
      assertThat(r.findings()).isEmpty();
    } else {
      assertThat(r.findings()).extracting(Finding::code).contains(code);
    }
  }
}
