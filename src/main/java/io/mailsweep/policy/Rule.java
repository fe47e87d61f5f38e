package io.mailsweep.policy;

import io.mailsweep.check.Status;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One rule of a profile, and how it is decided for a domain, in this order:
 *
 * <ol>
 *   <li>INCONCLUSIVE when the scan did not reach the domain, or when any check the rule reads (in
 *       any of its conditions) was not run or is INCONCLUSIVE: a rule never passes or fails on
 *       facts that were not determined;
 *   <li>NOT_APPLICABLE when {@code appliesIf} is given and does not hold;
 *   <li>INCONCLUSIVE when {@code inconclusiveIf} is given and holds (the check ran, but not the
 *       part of it the rule needs, e.g. a test that was switched off);
 *   <li>PASS when {@code passIf} holds;
 *   <li>WARN when {@code warnIf} is given and holds;
 *   <li>else {@code otherwise}: FAIL, or WARN for a rule that only recommends.
 * </ol>
 *
 * @param id unique within its profile: lower-case letters, digits, dots and dashes
 * @param weight 1-100, the rule's share of the score (see {@link Verdict})
 * @param appliesIf null when the rule always applies
 * @param inconclusiveIf null when the rule's checks, once conclusive, always suffice
 * @param warnIf null when the rule has no lesser state between PASS and {@code otherwise}
 * @param otherwise FAIL or WARN
 */
public record Rule(
    String id,
    String title,
    String rationale,
    String remediation,
    String reference,
    int weight,
    Condition appliesIf,
    Condition inconclusiveIf,
    Condition passIf,
    Condition warnIf,
    Status otherwise) {

  /** The checks the rule reads, in the order its conditions name them. */
  public Set<String> checks() {
    Set<String> out = new LinkedHashSet<>();
    for (Condition c : conditions()) {
      out.addAll(c.checks());
    }
    return out;
  }

  public RuleOutcome evaluate(DomainFacts facts) {
    Optional<String> missing = undetermined(facts);
    if (missing.isPresent()) {
      return outcome(Status.INCONCLUSIVE, missing.get());
    }
    if (appliesIf != null && !appliesIf.holds(facts)) {
      return outcome(Status.NOT_APPLICABLE, "does not apply: " + appliesIf.unmet(facts));
    }
    if (inconclusiveIf != null && inconclusiveIf.holds(facts)) {
      return outcome(Status.INCONCLUSIVE, "not determined: " + inconclusiveIf.describe());
    }
    if (passIf.holds(facts)) {
      return outcome(Status.PASS, summaries(facts));
    }
    if (warnIf != null && warnIf.holds(facts)) {
      return outcome(Status.WARN, passIf.unmet(facts));
    }
    return outcome(otherwise, passIf.unmet(facts));
  }

  /** Why the rule's facts are not all determined, if they are not. */
  private Optional<String> undetermined(DomainFacts facts) {
    if (facts.overall() == null) {
      return Optional.of("the scan did not reach the domain");
    }
    List<String> why = new ArrayList<>();
    for (String check : checks()) {
      Optional<CheckFacts> f = facts.check(check);
      if (f.isEmpty()) {
        why.add(check + " was not run");
      } else if (f.get().status() == Status.INCONCLUSIVE) {
        why.add(check + " is inconclusive" + (f.get().summary() == null ? "" : ": " + f.get().summary()));
      }
    }
    return why.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", why));
  }

  private String summaries(DomainFacts facts) {
    List<String> out = new ArrayList<>();
    for (String check : checks()) {
      String summary = facts.check(check).map(CheckFacts::summary).orElse(null);
      if (summary != null && !summary.isBlank()) {
        out.add(check + ": " + summary);
      }
    }
    return String.join("; ", out);
  }

  private List<Condition> conditions() {
    List<Condition> out = new ArrayList<>();
    for (Condition c : new Condition[] {appliesIf, inconclusiveIf, passIf, warnIf}) {
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }

  private RuleOutcome outcome(Status status, String detail) {
    return new RuleOutcome(id, status, detail);
  }
}
