package io.mailsweep.check.bimi;

import io.mailsweep.testing.dns.LabDns;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.Finding;
import io.mailsweep.check.ScanTarget;
import io.mailsweep.check.Status;

import io.mailsweep.domain.DomainName;
import io.mailsweep.testing.dns.Fault;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The BIMI check against zones served by the in-process DNS server. */
class BimiCheckTest {
  private static final String LOGO = "l=https://cdn.test/logo.svg";
  private static final String VMC = "a=https://cdn.test/vmc.pem";
  private static final String TEST = LabDns.zone("test") + """
      _dmarc.brand            IN TXT "v=DMARC1; p=reject; rua=mailto:d@brand.test"
      default._bimi.brand     IN TXT "v=BIMI1; %1$s; %2$s"
      _dmarc.nocert           IN TXT "v=DMARC1; p=quarantine"
      default._bimi.nocert    IN TXT "v=BIMI1; %1$s"
      _dmarc.nobimi           IN TXT "v=DMARC1; p=reject"
      _dmarc.declined         IN TXT "v=DMARC1; p=reject"
      default._bimi.declined  IN TXT "v=BIMI1; l=; a=;"
      default._bimi.plain     IN TXT "v=BIMI1; l=http://cdn.test/logo.svg; %2$s"
      _dmarc.plain            IN TXT "v=DMARC1; p=reject"
      default._bimi.nol       IN TXT "v=BIMI1; %2$s"
      default._bimi.two       IN TXT "v=BIMI1; %1$s"
      default._bimi.two       IN TXT "v=BIMI1; l=https://cdn.test/other.svg"
      _dmarc.monitor          IN TXT "v=DMARC1; p=none"
      default._bimi.monitor   IN TXT "v=BIMI1; %1$s; %2$s"
      _dmarc.partq            IN TXT "v=DMARC1; p=quarantine; pct=50"
      default._bimi.partq     IN TXT "v=BIMI1; %1$s; %2$s"
      _dmarc.partr            IN TXT "v=DMARC1; p=reject; pct=50"
      default._bimi.partr     IN TXT "v=BIMI1; %1$s; %2$s"
      default._bimi.nodmarc   IN TXT "v=BIMI1; %1$s; %2$s"
      _dmarc.spnone           IN TXT "v=DMARC1; p=reject; sp=none"
      _dmarc.mail.spnone      IN TXT "v=DMARC1; p=reject"
      default._bimi.mail.spnone IN TXT "v=BIMI1; %1$s; %2$s"
      _dmarc.slowdmarc        IN TXT "v=DMARC1; p=reject"
      default._bimi.slowdmarc IN TXT "v=BIMI1; %1$s; %2$s"
      default._bimi.slowbimi  IN TXT "v=BIMI1; %1$s; %2$s"
      """.formatted(LOGO, VMC);

  @TempDir static Path zones;
  static LabDns lab;
  static BimiCheck check;

  @BeforeAll
  static void start() throws Exception {
    lab = LabDns.serve(zones, TEST);
    lab.server().fault("default._bimi.slowbimi.test", "*", Fault.timeout());
    lab.server().fault("_dmarc.slowdmarc.test", "*", Fault.timeout());
    check = new BimiCheck(lab.dns());
  }

  @AfterAll
  static void stop() {
    lab.close();
  }

  @BeforeEach
  void resetCounters() {
    lab.server().resetCounters();
  }

  private static CheckResult run(String domain) {
    return check.run(ScanTarget.of(DomainName.of(domain))).join();
  }

  private static List<String> codes(CheckResult r) {
    return r.findings().stream().map(Finding::code).toList();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "brand.test        | PASS           | logo; certificate; DMARC at enforcement |",
    "nocert.test       | PASS           | logo; no certificate; DMARC at enforcement | BIMI_NO_CERTIFICATE",
    "www.brand.test    | PASS           | logo; certificate; DMARC at enforcement via brand.test |",
    "nobimi.test       | NOT_APPLICABLE | none |",
    "declined.test     | NOT_APPLICABLE | declined |",
    "plain.test        | WARN           | no logo; certificate; DMARC at enforcement | BIMI_URL_NOT_HTTPS",
    "nol.test          | WARN           | invalid | BIMI_INVALID",
    "two.test          | WARN           | invalid: 2 records | BIMI_MULTIPLE_RECORDS",
    "monitor.test      | WARN           | logo; certificate; DMARC not at enforcement | BIMI_DMARC_NOT_ENFORCED",
    "partq.test        | WARN           | logo; certificate; DMARC not at enforcement | BIMI_DMARC_NOT_ENFORCED",
    "partr.test        | WARN           | logo; certificate; DMARC not at enforcement | BIMI_DMARC_NOT_ENFORCED",
    "nodmarc.test      | WARN           | logo; certificate; DMARC not at enforcement | BIMI_DMARC_NOT_ENFORCED",
    "mail.spnone.test  | WARN           | logo; certificate; DMARC not at enforcement | BIMI_DMARC_NOT_ENFORCED",
  })
  void presentAbsentInvalidAndNotAtEnforcement(String domain, Status status, String summary, String code) {
    CheckResult r = run(domain);
    assertThat(r.status()).isEqualTo(status);
    assertThat(r.summary()).isEqualTo(summary);
    assertThat(r.reason()).isNull();
    assertThat(codes(r)).isEqualTo(code == null ? List.of() : List.of(code));
  }

  @Test
  void theEnforcementShortfallsAreNamed() {
    assertThat(run("monitor.test").findings().get(0).message()).isEqualTo("DMARC is not at enforcement for"
        + " monitor.test: _dmarc.monitor.test has p=none; receivers skip BIMI");
    assertThat(run("partq.test").findings().get(0).message()).contains("applies p=quarantine to only part of the"
        + " failing mail (pct=50)");
    assertThat(run("partr.test").findings().get(0).message()).contains("applies p=reject to only part of the"
        + " failing mail (pct=50)");
    assertThat(run("mail.spnone.test").findings().get(0).message()).contains("_dmarc.spnone.test has sp=none")
        .doesNotContain("_dmarc.mail.spnone.test has");
    assertThat(run("nodmarc.test").findings().get(0).message()).contains("no valid DMARC record applies");
  }

  @Test
  void aDomainWithoutBimiIsNotAskedForDmarc() {
    run("nobimi.test");
    assertThat(lab.server().queryCount("default._bimi.nobimi.test", "TXT")).isEqualTo(1);
    assertThat(lab.server().queryCount("_dmarc.nobimi.test", "*")).isZero();
    run("declined.test");
    assertThat(lab.server().queryCount("_dmarc.declined.test", "*")).isZero();
  }

  @Test
  void theRecordIsEvidence() {
    assertThat(run("brand.test").evidence()).anyMatch(e -> e.contains("v=BIMI1; " + LOGO + "; " + VMC))
        .anyMatch(e -> e.contains("v=DMARC1; p=reject"));
  }

  @Test
  void aTimeoutIsInconclusiveWithTheLookupNamed() {
    CheckResult r = run("slowbimi.test");
    assertThat(r.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(r.reason()).startsWith("the TXT lookup of default._bimi.slowbimi.test failed").contains("TIMEOUT");
  }

  @Test
  void aDmarcTimeoutIsInconclusiveToo() {
    CheckResult r = run("slowdmarc.test");
    assertThat(r.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(r.reason()).startsWith("DMARC (which BIMI requires): the TXT lookup of _dmarc.slowdmarc.test failed")
        .contains("TIMEOUT");
  }
}
