package io.mailsweep.check.dmarc;

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

/**
 * The DMARC check against zones served by the in-process DNS server: discovery with the
 * organizational-domain fallback (sp=, np=), external report authorisation, and failed lookups.
 */
class DmarcCheckTest {
  private static final String TEST = LabDns.zone("test") + """
      vendor                               IN A   127.0.30.1
      _dmarc.vendor                        IN TXT "v=DMARC1; p=reject; sp=quarantine; np=reject; rua=mailto:d@vendor.test"
      mail.vendor                          IN A   127.0.30.2
      own.vendor                           IN A   127.0.30.3
      _dmarc.own.vendor                    IN TXT "v=DMARC1; p=none; rua=mailto:d@vendor.test"
      _dmarc.lax                           IN TXT "v=DMARC1; p=reject; sp=none; rua=mailto:d@lax.test"
      shop.lax                             IN A   127.0.30.4
      _dmarc.nonp                          IN TXT "v=DMARC1; p=reject; rua=mailto:d@nonp.test"
      _dmarc.authorised                    IN TXT "v=DMARC1; p=reject; rua=mailto:agg@reports.test; ruf=mailto:f@reports.test"
      authorised.test._report._dmarc.reports IN TXT "v=DMARC1"
      _dmarc.unauthorised                  IN TXT "v=DMARC1; p=reject; rua=mailto:agg@reports.test,mailto:d@unauthorised.test"
      _dmarc.wild                          IN TXT "v=DMARC1; p=reject; rua=mailto:agg@mail.bulk.test"
      *._report._dmarc.mail.bulk           IN TXT "v=DMARC1"
      _dmarc.slowauth                      IN TXT "v=DMARC1; p=reject; rua=mailto:agg@reports.test"
      _dmarc.two                           IN TXT "v=DMARC1; p=reject"
      _dmarc.two                           IN TXT "v=DMARC1; p=none"
      _dmarc.bad                           IN TXT "v=DMARC1; p=rejct"
      nothing                              IN A   127.0.30.5
      _dmarc.slow                          IN TXT "v=DMARC1; p=reject"
      _dmarc.down                          IN TXT "v=DMARC1; p=reject"
      _dmarc.ghostly                       IN TXT "v=DMARC1; p=reject; np=none; rua=mailto:d@ghostly.test"
      """;
  private static final String CO_UK = LabDns.zone("co.uk") + """
      _dmarc              IN TXT "v=DMARC1; p=none"
      _dmarc.vendor       IN TXT "v=DMARC1; p=quarantine; rua=mailto:d@vendor.co.uk"
      mail.vendor         IN A   127.0.30.6
      """;

  @TempDir static Path zones;
  static LabDns lab;
  static DmarcCheck check;

  @BeforeAll
  static void start() throws Exception {
    lab = LabDns.serve(zones, TEST, CO_UK);
    lab.server().fault("_dmarc.slow.test", "*", Fault.timeout());
    lab.server().fault("_dmarc.down.test", "TXT", Fault.servfail());
    lab.server().fault("slowauth.test._report._dmarc.reports.test", "*", Fault.timeout());
    lab.server().fault("gone.ghostly.test", "MX", Fault.timeout());
    check = new DmarcCheck(lab.dns());
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

  @Test
  void aDomainWithItsOwnRecord() {
    CheckResult r = run("vendor.test");
    assertThat(r.status()).isEqualTo(Status.PASS);
    assertThat(r.summary()).isEqualTo("p=reject; sp=quarantine; np=reject; pct=100; rua ok; aspf=r adkim=r");
    assertThat(codes(r)).containsExactly("DMARC_SUBDOMAIN_POLICY_WEAKER");
    assertThat(r.evidence()).anyMatch(e -> e.contains("v=DMARC1; p=reject; sp=quarantine"));
    assertThat(lab.server().queryCount("_dmarc.test", "*")).isZero();
  }

  @Test
  void anExistingSubdomainFallsBackToTheOrganizationalDomainsSp() {
    CheckResult r = run("mail.vendor.test");
    assertThat(r.status()).isEqualTo(Status.PASS);
    assertThat(r.summary()).isEqualTo("sp=quarantine via vendor.test; pct=100; rua ok; aspf=r adkim=r");
    assertThat(lab.server().queryCount("_dmarc.mail.vendor.test", "TXT")).isEqualTo(1);
    assertThat(lab.server().queryCount("_dmarc.vendor.test", "TXT")).isEqualTo(1);
    assertThat(lab.server().queryCount("mail.vendor.test", "A")).isEqualTo(1);
  }

  @Test
  void aNonExistentSubdomainGetsNp() {
    CheckResult r = run("ghost.vendor.test");
    assertThat(r.status()).isEqualTo(Status.PASS);
    assertThat(r.summary()).isEqualTo("np=reject via vendor.test; pct=100; rua ok; aspf=r adkim=r");
    assertThat(r.evidence()).anyMatch(e -> e.contains("ghost.vendor.test MX: NXDOMAIN"));
  }

  @Test
  void aWeakNpFailsNonExistentNamesOnly() {
    CheckResult gone = run("nowhere.ghostly.test");
    assertThat(gone.summary()).isEqualTo("np=none via ghostly.test; pct=100; rua ok; aspf=r adkim=r");
    assertThat(gone.status()).isEqualTo(Status.WARN);
    assertThat(codes(gone)).containsExactly("DMARC_POLICY_NONE");
    assertThat(gone.findings().get(0).message())
        .isEqualTo("np=none at _dmarc.ghostly.test, which applies to nowhere.ghostly.test: monitoring only, failing"
            + " mail is delivered");
    CheckResult org = run("ghostly.test");
    assertThat(org.summary()).isEqualTo("p=reject; np=none; pct=100; rua ok; aspf=r adkim=r");
    assertThat(codes(org)).containsExactly("DMARC_SUBDOMAIN_POLICY_NONE");
    assertThat(org.status()).isEqualTo(Status.WARN);
  }

  @Test
  void existenceIsOnlyAskedWhenNpMatters() {
    assertThat(run("ghost.nonp.test").summary()).isEqualTo("p=reject via nonp.test; pct=100; rua ok; aspf=r adkim=r");
    assertThat(lab.server().queryCount("ghost.nonp.test", "*")).isZero();
  }

  @Test
  void aSubdomainWithItsOwnRecordDoesNotFallBack() {
    CheckResult r = run("own.vendor.test");
    assertThat(r.summary()).isEqualTo("p=none; pct=100; rua ok; aspf=r adkim=r");
    assertThat(r.status()).isEqualTo(Status.WARN);
    assertThat(lab.server().queryCount("_dmarc.vendor.test", "*")).isZero();
  }

  @Test
  void anInheritedSpNoneWarns() {
    CheckResult r = run("shop.lax.test");
    assertThat(r.summary()).isEqualTo("sp=none via lax.test; pct=100; rua ok; aspf=r adkim=r");
    assertThat(r.status()).isEqualTo(Status.WARN);
    assertThat(codes(r)).containsExactly("DMARC_POLICY_NONE");
    assertThat(codes(run("lax.test"))).containsExactly("DMARC_SUBDOMAIN_POLICY_NONE");
  }

  @Test
  void theOrganizationalDomainComesFromThePublicSuffixList() {
    CheckResult r = run("mail.vendor.co.uk");
    assertThat(r.summary()).isEqualTo("p=quarantine via vendor.co.uk; pct=100; rua ok; aspf=r adkim=r");
    assertThat(lab.server().queryCount("_dmarc.co.uk", "*")).isZero();
  }

  @Test
  void noRecordHereNorAtTheOrganizationalDomain() {
    CheckResult r = run("www.nothing.test");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.summary()).isEqualTo("none");
    assertThat(r.findings().get(0).message())
        .isEqualTo("No DMARC record at _dmarc.www.nothing.test nor at its organizational domain's _dmarc.nothing.test");
  }

  @Test
  void anExternalDestinationThatAuthorisesTheDomain() {
    CheckResult r = run("authorised.test");
    assertThat(r.status()).isEqualTo(Status.PASS);
    assertThat(r.summary()).isEqualTo("p=reject; pct=100; rua ok; ruf ok; aspf=r adkim=r");
    assertThat(lab.server().queryCount("authorised.test._report._dmarc.reports.test", "TXT")).isEqualTo(1);
    assertThat(r.evidence()).anyMatch(e -> e.startsWith("authorised.test._report._dmarc.reports.test"));
  }

  @Test
  void aWildcardAuthorisationCounts() {
    assertThat(run("wild.test").summary()).isEqualTo("p=reject; pct=100; rua ok; aspf=r adkim=r");
  }

  @Test
  void anExternalDestinationWithoutAuthorisation() {
    CheckResult r = run("unauthorised.test");
    assertThat(r.status()).isEqualTo(Status.WARN);
    assertThat(r.summary()).isEqualTo("p=reject; pct=100; rua 1/2 ok; aspf=r adkim=r");
    assertThat(codes(r)).containsExactly("DMARC_REPORT_DESTINATION_UNAUTHORISED");
    assertThat(r.findings().get(0).message()).isEqualTo("rua destination mailto:agg@reports.test is outside"
        + " unauthorised.test and reports.test does not authorise it: no v=DMARC1 record at"
        + " unauthorised.test._report._dmarc.reports.test (NXDOMAIN); receivers send these reports nowhere");
    assertThat(r.findings().get(0).reference()).isEqualTo("RFC 7489 §7.1");
  }

  @Test
  void severalRecordsAndAnInvalidOne() {
    CheckResult two = run("two.test");
    assertThat(two.status()).isEqualTo(Status.FAIL);
    assertThat(two.summary()).isEqualTo("invalid: 2 records");
    assertThat(codes(two)).containsExactly("DMARC_MULTIPLE_RECORDS");
    assertThat(run("sub.two.test").summary()).isEqualTo("invalid: 2 records via two.test");
    CheckResult bad = run("bad.test");
    assertThat(bad.summary()).isEqualTo("invalid");
    assertThat(codes(bad)).containsExactly("DMARC_INVALID");
  }

  @Test
  void aTimeoutIsInconclusiveWithTheLookupNamed() {
    CheckResult r = run("slow.test");
    assertThat(r.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(r.reason()).startsWith("the TXT lookup of _dmarc.slow.test failed").contains("TIMEOUT");
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void aFailureAtTheOrganizationalDomainIsInconclusiveNotMissing() {
    CheckResult r = run("www.down.test");
    assertThat(r.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(r.reason()).contains("_dmarc.down.test").contains("SERVFAIL");
    assertThat(codes(r)).doesNotContain("DMARC_MISSING");
  }

  @Test
  void aTimeoutOnAnAuthorisationLookupIsInconclusive() {
    CheckResult r = run("slowauth.test");
    assertThat(r.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(r.reason()).contains("slowauth.test._report._dmarc.reports.test").contains("TIMEOUT");
    assertThat(r.summary()).isEqualTo("p=reject; pct=100; rua 0/1 ok, 1 unverified; aspf=r adkim=r");
    assertThat(codes(r)).doesNotContain("DMARC_REPORT_DESTINATION_UNAUTHORISED");
  }

  @Test
  void aTimeoutOnTheExistenceLookupIsInconclusive() {
    CheckResult r = run("gone.ghostly.test");
    assertThat(r.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(r.reason()).contains("MX lookup of gone.ghostly.test").contains("np=").contains("TIMEOUT");
  }
}
