package io.mailsweep.policy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A condition of a profile rule over a domain's facts: a test of one check ({@link FactTest}), or
 * all / any / not of other conditions. Conditions are only evaluated once the rule has made sure
 * that every check they read is present and conclusive, so they are two-valued.
 */
public sealed interface Condition permits Condition.AllOf, Condition.AnyOf, Condition.Not, FactTest {

  /** Whether the condition holds; every check in {@link #checks()} is present and conclusive. */
  boolean holds(DomainFacts facts);

  /** Why the condition does not hold, with the values found; called only when it does not. */
  String unmet(DomainFacts facts);

  /** The condition in words, e.g. {@code dmarc policy is reject}. */
  String describe();

  /** The checks the condition reads. */
  Set<String> checks();

  /** Holds when every part holds. */
  record AllOf(List<Condition> parts) implements Condition {
    public AllOf {
      parts = List.copyOf(parts);
    }

    @Override
    public boolean holds(DomainFacts facts) {
      return parts.stream().allMatch(p -> p.holds(facts));
    }

    @Override
    public String unmet(DomainFacts facts) {
      return parts.stream().filter(p -> !p.holds(facts)).map(p -> p.unmet(facts)).collect(Collectors.joining("; "));
    }

    @Override
    public String describe() {
      return "all of (" + parts.stream().map(Condition::describe).collect(Collectors.joining("; ")) + ")";
    }

    @Override
    public Set<String> checks() {
      return union(parts);
    }
  }

  /** Holds when at least one part holds. */
  record AnyOf(List<Condition> parts) implements Condition {
    public AnyOf {
      parts = List.copyOf(parts);
    }

    @Override
    public boolean holds(DomainFacts facts) {
      return parts.stream().anyMatch(p -> p.holds(facts));
    }

    @Override
    public String unmet(DomainFacts facts) {
      return "none of: " + parts.stream().map(p -> p.unmet(facts)).collect(Collectors.joining(" | "));
    }

    @Override
    public String describe() {
      return "any of (" + parts.stream().map(Condition::describe).collect(Collectors.joining(" | ")) + ")";
    }

    @Override
    public Set<String> checks() {
      return union(parts);
    }
  }

  /** Holds when its part does not. */
  record Not(Condition part) implements Condition {
    @Override
    public boolean holds(DomainFacts facts) {
      return !part.holds(facts);
    }

    @Override
    public String unmet(DomainFacts facts) {
      return "must not hold: " + part.describe();
    }

    @Override
    public String describe() {
      return "not (" + part.describe() + ")";
    }

    @Override
    public Set<String> checks() {
      return part.checks();
    }
  }

  private static Set<String> union(List<Condition> parts) {
    Set<String> out = new LinkedHashSet<>();
    parts.forEach(p -> out.addAll(p.checks()));
    return out;
  }
}
