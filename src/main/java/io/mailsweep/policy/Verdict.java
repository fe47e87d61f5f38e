package io.mailsweep.policy;

import io.mailsweep.check.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A domain's result against a profile.
 *
 * <p>Compliance: NON_COMPLIANT when any rule FAILs; else INCONCLUSIVE when any rule is
 * INCONCLUSIVE, when the scan did not reach the domain, or when any of the domain's checks is
 * INCONCLUSIVE (even one no rule reads: a domain that could not be fully tested is never reported
 * compliant); else COMPLIANT (WARN and NOT_APPLICABLE rules allowed).
 *
 * <p>Score (0-100): each rule has a weight (default 1); a PASS earns its weight, a WARN half of
 * it, FAIL and INCONCLUSIVE nothing; NOT_APPLICABLE rules are left out. Score = floor(100 × earned
 * / weight of the rules left in), so 100 means every applicable rule passed; 100 when every rule
 * is NOT_APPLICABLE; null when every applicable rule is INCONCLUSIVE (nothing was determined).
 * The grade follows from the score and compliance ({@link Grade#of}).
 *
 * @param score null when nothing was determined
 * @param grade null when the score is
 * @param inconclusiveChecks the domain's checks that were INCONCLUSIVE, whether or not a rule reads them
 */
public record Verdict(
    Compliance compliance, Integer score, Grade grade, List<RuleOutcome> outcomes, List<String> inconclusiveChecks) {

  public Verdict {
    outcomes = List.copyOf(outcomes);
    inconclusiveChecks = List.copyOf(inconclusiveChecks);
  }

  /** The verdict of {@code outcomes}, one per rule of {@code rules} in the same order. */
  static Verdict of(List<Rule> rules, List<RuleOutcome> outcomes, DomainFacts facts) {
    List<String> inconclusive = new ArrayList<>();
    for (Map.Entry<String, CheckFacts> e : facts.checks().entrySet()) {
      if (e.getValue().status() == Status.INCONCLUSIVE) {
        inconclusive.add(e.getKey());
      }
    }
    inconclusive.sort(null);
    Compliance compliance = compliance(outcomes, facts.overall() == null || !inconclusive.isEmpty());
    Integer score = score(rules, outcomes);
    return new Verdict(compliance, score, Grade.of(score, compliance), outcomes, inconclusive);
  }

  private static Compliance compliance(List<RuleOutcome> outcomes, boolean undetermined) {
    boolean fail = outcomes.stream().anyMatch(o -> o.status() == Status.FAIL);
    if (fail) {
      return Compliance.NON_COMPLIANT;
    }
    boolean inconclusive = undetermined || outcomes.stream().anyMatch(o -> o.status() == Status.INCONCLUSIVE);
    return inconclusive ? Compliance.INCONCLUSIVE : Compliance.COMPLIANT;
  }

  /** See the class comment; package-private for tests. */
  static Integer score(List<Rule> rules, List<RuleOutcome> outcomes) {
    long possible = 0;
    long earnedHalves = 0;
    boolean determined = false;
    for (int i = 0; i < rules.size(); i++) {
      Status s = outcomes.get(i).status();
      if (s == Status.NOT_APPLICABLE) {
        continue;
      }
      int w = rules.get(i).weight();
      possible += w;
      determined |= s != Status.INCONCLUSIVE;
      earnedHalves += s == Status.PASS ? 2L * w : s == Status.WARN ? w : 0;
    }
    if (possible == 0) {
      return 100;
    }
    return determined ? (int) (100 * earnedHalves / (2 * possible)) : null;
  }
}
