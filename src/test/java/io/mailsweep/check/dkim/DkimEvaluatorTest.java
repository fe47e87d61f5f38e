package io.mailsweep.check.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsweep.check.CheckOptions;
import io.mailsweep.check.CheckResult;
import io.mailsweep.check.Finding;
import io.mailsweep.check.Severity;
import io.mailsweep.check.Status;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsRecord;
import io.mailsweep.net.dns.DnsStatus;
import io.mailsweep.net.dns.RecordType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The judgement alone, over answers built in the test: the cases a lab zone cannot easily stage. */
class DkimEvaluatorTest {
  private static final DomainName DOMAIN = DomainName.of("example.test");
  private static final DkimEvaluator EVALUATOR = new DkimEvaluator(CheckOptions.DEFAULTS);

  private static DnsAnswer answer(String name, DnsStatus status, String... txt) {
    List<DnsRecord> records = Arrays.stream(txt)
        .map(t -> new DnsRecord(name, RecordType.TXT, 300, "\"" + t + "\"", List.of(t))).toList();
    return new DnsAnswer(DomainName.of(name), RecordType.TXT, status, records, List.of(), null, false, 1);
  }

  private static DkimDiscovery discovery(SelectorPlan plan, DnsAnswer wildcard, DnsAnswer... answers) {
    return new DkimDiscovery(DOMAIN, plan, answer("_domainkey.example.test", DnsStatus.NODATA), wildcard,
        List.of(answers));
  }

  private static List<String> codes(CheckResult r) {
    return r.findings().stream().map(Finding::code).toList();
  }

  @Test
  void aFailedWildcardCheckDoesNotMatterWhenNothingWasFound() {
    SelectorPlan plan = SelectorPlan.of(DOMAIN, Optional.empty(), List.of(), List.of("s1", "s2"));
    CheckResult r = EVALUATOR.evaluate(discovery(plan, answer("ms-x._domainkey.example.test", DnsStatus.TIMEOUT),
        answer("s1._domainkey.example.test", DnsStatus.NXDOMAIN),
        answer("s2._domainkey.example.test", DnsStatus.NODATA)));
    assertThat(r.status()).isEqualTo(Status.WARN);
    assertThat(r.summary()).isEqualTo("not found among 2 probed selectors");
    assertThat(codes(r)).containsExactly("DKIM_NOT_FOUND");
  }

  @Test
  void failedLookupsWithoutKeysAreInconclusiveNotMissing() {
    SelectorPlan plan = SelectorPlan.of(DOMAIN, Optional.empty(), List.of(), List.of("s1", "s2"));
    CheckResult r = EVALUATOR.evaluate(discovery(plan, answer("ms-x._domainkey.example.test", DnsStatus.NXDOMAIN),
        answer("s1._domainkey.example.test", DnsStatus.SERVFAIL),
        answer("s2._domainkey.example.test", DnsStatus.NXDOMAIN)));
    assertThat(r.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(r.summary()).isEqualTo("inconclusive; 1 of 3 lookups failed");
    assertThat(r.reason()).contains("s1._domainkey.example.test TXT: SERVFAIL");
    assertThat(codes(r)).isEmpty();
  }

  @Test
  void anUnreliableDenialIsAFailureToo() {
    SelectorPlan plan = SelectorPlan.of(DOMAIN, Optional.empty(), List.of(), List.of("s1"));
    CheckResult r = EVALUATOR.evaluate(discovery(plan, answer("ms-x._domainkey.example.test", DnsStatus.NXDOMAIN),
        answer("s1._domainkey.example.test", DnsStatus.UNRELIABLE)));
    assertThat(r.status()).isEqualTo(Status.INCONCLUSIVE);
  }

  @Test
  void aDisclosedSelectorWithOtherTxtDataHasNoKey() {
    SelectorPlan plan = SelectorPlan.of(DOMAIN, Optional.of("vendor"), List.of(), List.of());
    CheckResult r = EVALUATOR.evaluate(discovery(plan, answer("ms-x._domainkey.example.test", DnsStatus.NXDOMAIN),
        answer("vendor._domainkey.example.test", DnsStatus.ANSWER, "some-verification=1")));
    assertThat(codes(r)).containsExactly("DKIM_SELECTOR_MISSING", "DKIM_NOT_FOUND");
    assertThat(r.findings().get(0).message()).contains("\"some-verification=1\"");
  }

  @Test
  void anInvalidRecordIsFoundButFails() {
    SelectorPlan plan = SelectorPlan.of(DOMAIN, Optional.empty(), List.of(), List.of("s1"));
    CheckResult r = EVALUATOR.evaluate(discovery(plan, answer("ms-x._domainkey.example.test", DnsStatus.NXDOMAIN),
        answer("s1._domainkey.example.test", DnsStatus.ANSWER, "v=DKIM1; k=rsa")));
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.summary()).isEqualTo("s1: invalid record");
    assertThat(codes(r)).containsExactly("DKIM_RECORD_INVALID", "DKIM_NO_USABLE_KEY");
    assertThat(r.findings().get(0).message()).contains("no p= tag").contains("character 15");
  }

  @Test
  void findingsCarryTheirDefinition() {
    Finding f = DkimFinding.DKIM_KEY_WEAK.with("m");
    assertThat(f.severity()).isEqualTo(Severity.HIGH);
    assertThat(f.reference()).isEqualTo("RFC 8301 §3.2");
    assertThat(f.remediation()).contains("2048");
    for (DkimFinding d : DkimFinding.values()) {
      assertThat(d.definition().code()).startsWith("DKIM_");
      assertThat(d.definition().reference()).startsWith("RFC ");
      assertThat(d.definition().remediation()).isNotBlank();
    }
  }

  @Test
  void aDiscoveryNeedsOneAnswerPerProbe() {
    SelectorPlan plan = SelectorPlan.of(DOMAIN, Optional.empty(), List.of(), List.of("s1", "s2"));
    assertThatThrownBy(() -> discovery(plan, answer("ms-x._domainkey.example.test", DnsStatus.NXDOMAIN)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keysFoundGiveTheSelectorsAndTheSmallestUsableRsaKey() {
    SelectorPlan plan = SelectorPlan.of(DOMAIN, Optional.empty(), List.of(), List.of("s1", "s2", "s3", "s4"));
    CheckResult r = EVALUATOR.evaluate(discovery(plan, answer("ms-x._domainkey.example.test", DnsStatus.NXDOMAIN),
        answer("s1._domainkey.example.test", DnsStatus.ANSWER, "v=DKIM1; k=rsa; p=" + TestKeys.rsa(2048)),
        answer("s2._domainkey.example.test", DnsStatus.ANSWER, "v=DKIM1; k=rsa; p=" + TestKeys.rsa(1024)),
        answer("s3._domainkey.example.test", DnsStatus.ANSWER, "v=DKIM1; k=ed25519; p=" + TestKeys.ed25519()),
        answer("s4._domainkey.example.test", DnsStatus.ANSWER, "v=DKIM1; k=rsa; p=")));
    assertThat(r.attribute(DkimEvaluator.SELECTORS)).isEqualTo("s1,s2,s3,s4");
    assertThat(r.attribute(DkimEvaluator.USABLE_KEYS)).isEqualTo("3");
    assertThat(r.attribute(DkimEvaluator.MIN_RSA_BITS)).isEqualTo("1024");
    assertThat(r.attribute(DkimEvaluator.ABSENCE)).isNull();
  }

  @Test
  void onlyAnEd25519KeyHasNoRsaBits() {
    SelectorPlan plan = SelectorPlan.of(DOMAIN, Optional.empty(), List.of(), List.of("s1"));
    CheckResult r = EVALUATOR.evaluate(discovery(plan, answer("ms-x._domainkey.example.test", DnsStatus.NXDOMAIN),
        answer("s1._domainkey.example.test", DnsStatus.ANSWER, "v=DKIM1; k=ed25519; p=" + TestKeys.ed25519())));
    assertThat(r.attribute(DkimEvaluator.USABLE_KEYS)).isEqualTo("1");
    assertThat(r.attribute(DkimEvaluator.MIN_RSA_BITS)).isNull();
  }

  @Test
  void absenceIsProvenOnlyWhenDomainkeyDoesNotExist() {
    SelectorPlan plan = SelectorPlan.of(DOMAIN, Optional.empty(), List.of(), List.of("s1"));
    CheckResult guessed = EVALUATOR.evaluate(discovery(plan, answer("ms-x._domainkey.example.test",
        DnsStatus.NXDOMAIN), answer("s1._domainkey.example.test", DnsStatus.NXDOMAIN)));
    assertThat(guessed.attribute(DkimEvaluator.ABSENCE)).isEqualTo("unproven");
    assertThat(guessed.attribute(DkimEvaluator.USABLE_KEYS)).isEqualTo("0");
    CheckResult proven = EVALUATOR.evaluate(new DkimDiscovery(DOMAIN, plan,
        answer("_domainkey.example.test", DnsStatus.NXDOMAIN), null, List.of()));
    assertThat(proven.attribute(DkimEvaluator.ABSENCE)).isEqualTo("proven");
  }
}
