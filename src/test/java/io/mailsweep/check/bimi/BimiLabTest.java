package io.mailsweep.check.bimi;

import io.mailsweep.testing.dns.LabDns;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.Finding;
import io.mailsweep.check.ScanTarget;
import io.mailsweep.check.Status;

import io.mailsweep.domain.DomainName;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The BIMI check over the shared lab (samples/lab: test.zone with faults.txt), as the job scans it. */
class BimiLabTest {
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
    "good.test       | PASS           | logo; no certificate; DMARC at enforcement     | BIMI_NO_CERTIFICATE",
    "monitor.test    | WARN           | logo; no certificate; DMARC not at enforcement | BIMI_NO_CERTIFICATE,BIMI_DMARC_NOT_ENFORCED",
    "quarantine.test | NOT_APPLICABLE | none |",
    "gone.test       | NOT_APPLICABLE | none |",
  })
  void theLabDomains(String domain, Status status, String summary, String codes) {
    CheckResult r = new BimiCheck(lab.dns()).run(ScanTarget.of(DomainName.of(domain))).join();
    assertThat(r.status()).isEqualTo(status);
    assertThat(r.summary()).isEqualTo(summary);
    assertThat(r.findings()).extracting(Finding::code)
        .isEqualTo(codes == null ? List.of() : List.of(codes.split(",")));
  }
}
