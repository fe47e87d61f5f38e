package io.mailsweep.report;

import io.mailsweep.check.Status;
import io.mailsweep.policy.Compliance;
import io.mailsweep.policy.DomainFacts;
import io.mailsweep.policy.Profile;
import io.mailsweep.policy.RuleOutcome;
import io.mailsweep.policy.Verdict;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** A run's verdict counts against a profile, overall and per rule, counted in one streaming pass. */
final class ComplianceTotals {
  private final Profile profile;
  private final Map<Compliance, Long> verdicts = new EnumMap<>(Compliance.class);
  private final Map<String, Map<Status, Long>> rules = new LinkedHashMap<>();
  private long notScanned;

  private ComplianceTotals(Profile profile) {
    this.profile = profile;
    profile.rules().forEach(r -> rules.put(r.id(), new EnumMap<>(Status.class)));
  }

  /** No domains counted yet. */
  static ComplianceTotals none(Profile profile) {
    return new ComplianceTotals(profile);
  }

  /** Counts domain {@code d} with its verdict {@code v} against this profile (ignored when not scanned). */
  void add(DomainFacts d, Verdict v) {
    if (d.overall() == null) {
      notScanned++;
      return;
    }
    verdicts.merge(v.compliance(), 1L, Long::sum);
    for (RuleOutcome o : v.outcomes()) {
      rules.get(o.ruleId()).merge(o.status(), 1L, Long::sum);
    }
  }

  Profile profile() {
    return profile;
  }

  long verdicts(Compliance c) {
    return verdicts.getOrDefault(c, 0L);
  }

  long judged() {
    return verdicts.values().stream().mapToLong(Long::longValue).sum();
  }

  long notScanned() {
    return notScanned;
  }

  long rule(String ruleId, Status status) {
    return rules.get(ruleId).getOrDefault(status, 0L);
  }

  /** PASS among the rule's applicable outcomes (all but NOT_APPLICABLE); null when none applied. */
  Double passRate(String ruleId) {
    long applicable = rules.get(ruleId).entrySet().stream().filter(e -> e.getKey() != Status.NOT_APPLICABLE)
        .mapToLong(Map.Entry::getValue).sum();
    return applicable == 0 ? null : (double) rule(ruleId, Status.PASS) / applicable;
  }
}
