package io.mailsweep.check.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.Finding;
import io.mailsweep.check.Status;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.Answers;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsStatus;
import io.mailsweep.net.dns.RecordType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a discovered record becomes a status, a summary and findings; no DNS. */
class DmarcEvaluatorTest {
  private static final DomainName A = DomainName.of("a.test");

  private static DmarcDiscovery own(DnsAnswer answer) {
    return new DmarcDiscovery(A, A, RecordSet.select(A, answer, DmarcParser::isDmarc), null, null);
  }

  private static CheckResult judge(String... texts) {
    return DmarcEvaluator.evaluate(own(Answers.txt("_dmarc.a.test", texts)), List.of());
  }

  private static List<String> codes(CheckResult r) {
    return r.findings().stream().map(Finding::code).toList();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "v=DMARC1; p=reject; rua=mailto:d@a.test             | PASS | p=reject; pct=100; rua ok; aspf=r adkim=r",
    "v=DMARC1; p=quarantine; rua=mailto:d@a.test         | PASS | p=quarantine; pct=100; rua ok; aspf=r adkim=r",
    "v=DMARC1; p=reject                                   | PASS | p=reject; pct=100; no rua; aspf=r adkim=r",
    "v=DMARC1; p=reject; adkim=s; aspf=s; rua=mailto:d@a.test | PASS | p=reject; pct=100; rua ok; aspf=s adkim=s",
    "v=DMARC1; p=none; rua=mailto:d@a.test               | WARN | p=none; pct=100; rua ok; aspf=r adkim=r",
    "v=DMARC1; p=quarantine; pct=50; rua=mailto:d@a.test | WARN | p=quarantine; pct=50; rua ok; aspf=r adkim=r",
    "v=DMARC1; p=reject; pct=10; rua=mailto:d@a.test     | WARN | p=reject; pct=10; rua ok; aspf=r adkim=r",
    "v=DMARC1; p=reject; t=y; rua=mailto:d@a.test        | WARN | p=reject; pct=100; t=y; rua ok; aspf=r adkim=r",
    "v=DMARC1; p=reject; sp=none; rua=mailto:d@a.test    | WARN | p=reject; sp=none; pct=100; rua ok; aspf=r adkim=r",
    "v=DMARC1; p=reject; sp=reject; np=quarantine; rua=mailto:d@a.test | PASS | p=reject; np=quarantine; pct=100; rua ok; aspf=r adkim=r",
    "v=DMARC1; p=quarantine; np=none; rua=mailto:d@a.test | WARN | p=quarantine; np=none; pct=100; rua ok; aspf=r adkim=r",
    "v=DMARC1; p=reject; ruf=mailto:f@a.test             | PASS | p=reject; pct=100; no rua; ruf ok; aspf=r adkim=r",
    "v=DMARC1; p=reject; rua=mailto:d@a.test,d@a.test    | WARN | p=reject; pct=100; rua 1/2 ok; aspf=r adkim=r",
    "v=DMARC1; p=reject; rua=https://a.test/r            | WARN | p=reject; pct=100; rua 0/1 ok; aspf=r adkim=r",
    "v=DMARC1; p=reject; rua=mailto:d@a.test; x=1        | PASS | p=reject; pct=100; rua ok; aspf=r adkim=r",
  })
  void policyStrengthAndReportingMakeTheStatusAndSummary(String record, Status status, String summary) {
    CheckResult r = judge(record);
    assertThat(r.status()).isEqualTo(status);
    assertThat(r.summary()).isEqualTo(summary);
    assertThat(r.reason()).isNull();
    assertThat(r.evidence()).anyMatch(e -> e.contains(record));
  }

  @Test
  void eachWeaknessHasItsFinding() {
    assertThat(codes(judge("v=DMARC1; p=none; rua=mailto:d@a.test"))).containsExactly("DMARC_POLICY_NONE");
    assertThat(codes(judge("v=DMARC1; p=quarantine; pct=50; rua=mailto:d@a.test"))).containsExactly("DMARC_PCT_PARTIAL");
    assertThat(codes(judge("v=DMARC1; p=reject; t=y; rua=mailto:d@a.test"))).containsExactly("DMARC_TEST_MODE");
    assertThat(codes(judge("v=DMARC1; p=reject; sp=none; rua=mailto:d@a.test")))
        .containsExactly("DMARC_SUBDOMAIN_POLICY_NONE");
    assertThat(codes(judge("v=DMARC1; p=reject; sp=quarantine; rua=mailto:d@a.test")))
        .containsExactly("DMARC_SUBDOMAIN_POLICY_WEAKER");
    assertThat(codes(judge("v=DMARC1; p=reject"))).containsExactly("DMARC_NO_RUA");
    assertThat(codes(judge("v=DMARC1; p=reject; rua=mailto:d@a.test; x=1"))).containsExactly("DMARC_UNKNOWN_TAG");
    CheckResult partial = judge("v=DMARC1; p=reject; pct=25; rua=mailto:d@a.test");
    assertThat(partial.findings().get(0).message())
        .isEqualTo("p=reject at _dmarc.a.test with pct=25: 75% of failing mail gets quarantine instead of reject");
    assertThat(partial.findings().get(0).reference()).isEqualTo("RFC 7489 §6.6.4");
  }

  @Test
  void pctDoesNotMatterWithoutEnforcement() {
    assertThat(codes(judge("v=DMARC1; p=none; pct=50; rua=mailto:d@a.test"))).containsExactly("DMARC_POLICY_NONE");
  }

  @Test
  void missingMultipleAndInvalidRecordsFail() {
    CheckResult none = judge();
    assertThat(none.status()).isEqualTo(Status.FAIL);
    assertThat(none.summary()).isEqualTo("none");
    assertThat(codes(none)).containsExactly("DMARC_MISSING");
    CheckResult nx = DmarcEvaluator.evaluate(own(Answers.status("_dmarc.a.test", RecordType.TXT, DnsStatus.NXDOMAIN)),
        List.of());
    assertThat(nx.summary()).isEqualTo("none");
    assertThat(codes(judge("v=spf1 -all"))).containsExactly("DMARC_MISSING");
    CheckResult two = judge("v=DMARC1; p=reject", "v=DMARC1; p=none");
    assertThat(two.status()).isEqualTo(Status.FAIL);
    assertThat(two.summary()).isEqualTo("invalid: 2 records");
    assertThat(codes(two)).containsExactly("DMARC_MULTIPLE_RECORDS");
    CheckResult invalid = judge("v=DMARC1; p=rejct");
    assertThat(invalid.status()).isEqualTo(Status.FAIL);
    assertThat(invalid.summary()).isEqualTo("invalid");
    assertThat(codes(invalid)).containsExactly("DMARC_INVALID");
    assertThat(invalid.findings().get(0).message())
        .isEqualTo("_dmarc.a.test: p=rejct is not none, quarantine or reject (at character 10)");
    assertThat(codes(judge("v=DMARC1; p=rejct; pct=150"))).containsExactly("DMARC_INVALID", "DMARC_INVALID_PCT");
  }

  @Test
  void externalDestinationsAreVerifiedUpToTheLimit() {
    StringBuilder rua = new StringBuilder();
    List<DnsAnswer> authorisations = new java.util.ArrayList<>();
    for (int i = 1; i <= ReportAuthorisation.MAX_EXTERNAL_DESTINATIONS + 1; i++) {
      rua.append(i == 1 ? "" : ",").append("mailto:d@r").append(i).append(".example");
      authorisations.add(Answers.txt("a.test._report._dmarc.r" + i + ".example", "v=DMARC1"));
    }
    DmarcRecord record = ((DmarcParser.Parsed.Valid) DmarcParser.parse("v=DMARC1; p=reject; rua=" + rua)).record();
    assertThat(ReportAuthorisation.namesToQuery(record, A)).hasSize(ReportAuthorisation.MAX_EXTERNAL_DESTINATIONS)
        .startsWith(DomainName.of("a.test._report._dmarc.r1.example"));
    CheckResult r = DmarcEvaluator.evaluate(own(Answers.txt("_dmarc.a.test", "v=DMARC1; p=reject; rua=" + rua)),
        authorisations.subList(0, ReportAuthorisation.MAX_EXTERNAL_DESTINATIONS));
    assertThat(r.summary()).isEqualTo("p=reject; pct=100; rua 10/11 ok, 1 unverified; aspf=r adkim=r");
    assertThat(r.evidence()).anyMatch(e -> e.contains("mailto:d@r11.example is outside a.test: not verified"));
  }

  @Test
  void anAuthorisationNameTooLongForDnsCannotAuthorise() {
    DomainName longHost = DomainName.of("r".repeat(60) + "." + "s".repeat(60) + "." + "t".repeat(60) + "."
        + "u".repeat(50) + ".example");
    assertThat(ReportAuthorisation.name(DomainName.of("vendor.test"), longHost)).isNull();
    CheckResult r = judge("v=DMARC1; p=reject; rua=mailto:d@" + longHost);
    assertThat(codes(r)).containsExactly("DMARC_REPORT_DESTINATION_UNAUTHORISED");
    assertThat(r.summary()).contains("rua 0/1 ok;");
  }

  @Test
  void aFailedLookupIsInconclusiveWithTheLookupNamed() {
    CheckResult r = DmarcEvaluator.evaluate(own(Answers.status("_dmarc.a.test", RecordType.TXT, DnsStatus.TIMEOUT)),
        List.of());
    assertThat(r.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(r.reason()).contains("_dmarc.a.test").contains("TIMEOUT");
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void aReadableRecordCarriesItsTagsAsAttributesForProfiles() {
    CheckResult r = judge("v=DMARC1; p=reject; sp=quarantine; pct=50; adkim=s;"
        + " rua=mailto:d@a.test,mailto:reports@dmarc.cyber.dhs.gov!10m; ruf=mailto:f@a.test");
    assertThat(r.attribute("p")).isEqualTo("reject");
    assertThat(r.attribute("sp")).isEqualTo("quarantine");
    assertThat(r.attribute("np")).isNull();
    assertThat(r.attribute("policy")).isEqualTo("reject");
    assertThat(r.attribute("pct")).isEqualTo("50");
    assertThat(r.attribute("t")).isEqualTo("n");
    assertThat(r.attribute("adkim")).isEqualTo("s");
    assertThat(r.attribute("aspf")).isEqualTo("r");
    assertThat(r.attribute("rua")).isEqualTo("mailto:d@a.test,mailto:reports@dmarc.cyber.dhs.gov");
    assertThat(r.attribute("ruf")).isEqualTo("mailto:f@a.test");
    assertThat(r.attribute("owner")).isEqualTo("a.test");
  }

  @Test
  void aSubdomainGetsTheOrganizationalRecordsSubdomainPolicy() {
    DomainName sub = DomainName.of("www.a.test");
    RecordSet none = RecordSet.select(sub, Answers.txt("_dmarc.www.a.test"), DmarcParser::isDmarc);
    RecordSet org = RecordSet.select(A, Answers.txt("_dmarc.a.test", "v=DMARC1; p=reject; sp=none"),
        DmarcParser::isDmarc);
    CheckResult r = DmarcEvaluator.evaluate(new DmarcDiscovery(sub, A, none, org, null), List.of());
    assertThat(r.attribute("p")).isEqualTo("reject");
    assertThat(r.attribute("policy")).isEqualTo("none");
    assertThat(r.attribute("owner")).isEqualTo("a.test");
    assertThat(r.attribute("rua")).isNull();
  }

  @Test
  void noAttributesWithoutAReadableRecord() {
    assertThat(judge().attributes()).isEmpty();
    assertThat(judge("v=DMARC1; p=bogus").attributes()).isEmpty();
    assertThat(judge("v=DMARC1; p=reject", "v=DMARC1; p=none").attributes()).isEmpty();
  }
}
