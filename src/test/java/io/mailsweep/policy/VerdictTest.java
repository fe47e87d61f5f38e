package io.mailsweep.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Compliance, score and grade: the documented formula, and "inconclusive is never compliant". */
class VerdictTest {
  private static final Condition ANY = new FactTest("spf", FactTest.Kind.STATUS, null, List.of("PASS"));

  private static Rule rule(String id, int weight) {
    return new Rule(id, "t", "r", "m", "ref", weight, null, null, ANY, null, Status.FAIL);
  }

  /** Rules and outcomes from "PASS:3 WARN FAIL" (status, optional weight). */
  private static Verdict verdict(String spec, DomainFacts facts) {
    List<Rule> rules = new ArrayList<>();
    List<RuleOutcome> outcomes = new ArrayList<>();
    String[] parts = spec.trim().split("\\s+");
    for (int i = 0; i < parts.length; i++) {
      String[] p = parts[i].split(":");
      rules.add(rule("r" + i, p.length > 1 ? Integer.parseInt(p[1]) : 1));
      outcomes.add(new RuleOutcome("r" + i, Status.valueOf(p[0]), ""));
    }
    return Verdict.of(rules, outcomes, facts);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
      PASS PASS                         | 100  | COMPLIANT     | A
      PASS WARN                         | 75   | COMPLIANT     | B
      PASS PASS PASS PASS PASS PASS PASS PASS PASS WARN | 95 | COMPLIANT | A
      PASS FAIL                         | 50   | NON_COMPLIANT | D
      PASS:3 FAIL                       | 75   | NON_COMPLIANT | C
      PASS:9 FAIL                       | 90   | NON_COMPLIANT | C
      WARN FAIL FAIL                    | 16   | NON_COMPLIANT | F
      PASS PASS FAIL                    | 66   | NON_COMPLIANT | C
      PASS NOT_APPLICABLE               | 100  | COMPLIANT     | A
      NOT_APPLICABLE NOT_APPLICABLE     | 100  | COMPLIANT     | A
      PASS INCONCLUSIVE                 | 50   | INCONCLUSIVE  | D
      PASS:19 INCONCLUSIVE              | 95   | INCONCLUSIVE  | B
      FAIL INCONCLUSIVE                 | 0    | NON_COMPLIANT | F
      INCONCLUSIVE INCONCLUSIVE         | null | INCONCLUSIVE  | null
      NOT_APPLICABLE INCONCLUSIVE       | null | INCONCLUSIVE  | null
      WARN WARN                         | 50   | COMPLIANT     | D
      """)
  void scoreAndGradeFollowTheDocumentedFormula(String outcomes, Integer score, Compliance compliance, Grade grade) {
    Verdict v = verdict(outcomes, Facts.perfect().build());
    assertThat(v.score()).isEqualTo(score);
    assertThat(v.compliance()).isEqualTo(compliance);
    assertThat(v.grade()).isEqualTo(grade);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
      100 | COMPLIANT     | A
      90  | COMPLIANT     | A
      89  | COMPLIANT     | B
      75  | COMPLIANT     | B
      74  | COMPLIANT     | C
      60  | COMPLIANT     | C
      59  | COMPLIANT     | D
      40  | COMPLIANT     | D
      39  | COMPLIANT     | F
      0   | COMPLIANT     | F
      100 | INCONCLUSIVE  | B
      80  | INCONCLUSIVE  | B
      10  | INCONCLUSIVE  | F
      100 | NON_COMPLIANT | C
      50  | NON_COMPLIANT | D
      null| INCONCLUSIVE  | null
      """)
  void gradesFromScoreCappedByTheVerdict(Integer score, Compliance compliance, Grade grade) {
    assertThat(Grade.of(score, compliance)).isEqualTo(grade);
  }

  @Test
  void noCombinationWithAnInconclusiveOrFailingRuleIsCompliant() {
    Status[] all = Status.values();
    int n = 4;
    int combos = (int) Math.pow(all.length, n);
    for (int c = 0; c < combos; c++) {
      StringBuilder spec = new StringBuilder();
      boolean undetermined = false;
      for (int i = 0, x = c; i < n; i++, x /= all.length) {
        Status s = all[x % all.length];
        spec.append(s).append(' ');
        undetermined |= s == Status.INCONCLUSIVE || s == Status.FAIL;
      }
      Verdict v = verdict(spec.toString(), Facts.perfect().build());
      if (undetermined) {
        assertThat(v.compliance()).as(spec.toString()).isNotEqualTo(Compliance.COMPLIANT);
        assertThat(v.grade()).as(spec.toString()).isNotEqualTo(Grade.A);
      }
    }
  }

  @Test
  void anyInconclusiveCheckKeepsEveryShippedProfileFromCompliant() {
    for (Profile p : ProfileCatalog.shipped()) {
      for (String check : Facts.perfect().build().checks().keySet()) {
        Verdict v = p.evaluate(Facts.perfect().status(check, Status.INCONCLUSIVE).build());
        assertThat(v.compliance()).as(p.name() + " with " + check + " inconclusive").isEqualTo(Compliance.INCONCLUSIVE);
        assertThat(v.inconclusiveChecks()).containsExactly(check);
        assertThat(v.grade()).isNotEqualTo(Grade.A);
      }
    }
  }

  @Test
  void aCheckNoRuleReadsStillMakesTheDomainInconclusive() {
    Profile baseline = ProfileCatalog.load("baseline");
    Verdict v = baseline.evaluate(Facts.perfect().status("bimi", Status.INCONCLUSIVE).build());
    assertThat(v.outcomes()).allSatisfy(o -> assertThat(o.status()).isEqualTo(Status.PASS));
    assertThat(v.compliance()).isEqualTo(Compliance.INCONCLUSIVE);
    assertThat(v.score()).isEqualTo(100);
    assertThat(v.grade()).isEqualTo(Grade.B);
  }

  @Test
  void aFailureOutweighsAnInconclusiveCheck() {
    Verdict v = ProfileCatalog.load("baseline").evaluate(Facts.perfect().status("starttls", Status.INCONCLUSIVE)
        .put("dmarc", Status.FAIL, "none", Set.of("DMARC_MISSING")).build());
    assertThat(v.compliance()).isEqualTo(Compliance.NON_COMPLIANT);
    assertThat(v.outcomes()).extracting(RuleOutcome::status)
        .containsExactly(Status.PASS, Status.FAIL, Status.INCONCLUSIVE);
    assertThat(v.outcomes().get(2).detail()).isEqualTo("starttls is inconclusive: STARTTLS yes (1/1 addresses);"
        + " worst TLSv1.2");
  }

  @Test
  void aDomainTheScanDidNotReachIsInconclusiveWithoutAScore() {
    Verdict v = ProfileCatalog.load("strict").evaluate(Facts.perfect().unreached().build());
    assertThat(v.outcomes()).allSatisfy(o -> {
      assertThat(o.status()).isEqualTo(Status.INCONCLUSIVE);
      assertThat(o.detail()).isEqualTo("the scan did not reach the domain");
    });
    assertThat(v.compliance()).isEqualTo(Compliance.INCONCLUSIVE);
    assertThat(v.score()).isNull();
    assertThat(v.grade()).isNull();
  }

  @Test
  void aCheckThatWasNotRunMakesItsRulesInconclusive() {
    Verdict v = ProfileCatalog.load("baseline").evaluate(Facts.perfect().without("starttls").build());
    assertThat(v.outcomes().get(2).status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(v.outcomes().get(2).detail()).isEqualTo("starttls was not run");
    assertThat(v.compliance()).isEqualTo(Compliance.INCONCLUSIVE);
    assertThat(v.score()).isEqualTo(66);
  }

  @Test
  void theReadmeExample() {
    Verdict v = ProfileCatalog.load("strict").evaluate(Facts.perfect().attribute("spf", "all", "~all")
        .attribute("dkim", "min-rsa-bits", "1024").build());
    assertThat(v.outcomes()).extracting(RuleOutcome::status).containsExactly(Status.WARN, Status.PASS, Status.FAIL,
        Status.PASS, Status.PASS, Status.PASS, Status.PASS, Status.PASS);
    assertThat(v.score()).isEqualTo(81);
    assertThat(v.compliance()).isEqualTo(Compliance.NON_COMPLIANT);
    assertThat(v.grade()).isEqualTo(Grade.C);
  }
}
