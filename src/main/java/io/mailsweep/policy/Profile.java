package io.mailsweep.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A named set of rules over a domain's check results: a compliance standard as data (see
 * {@link ProfileCatalog} for where profiles come from and the README, "Compliance profiles", for the
 * file format).
 *
 * @param name lower-case letters, digits, dots and dashes; rules are cited as {@code name/rule-id}
 * @param description may be empty
 * @param reference the standard or policy document, may be empty
 * @param source where the profile was read from, for messages: the resource name followed by
 *     {@code (shipped)}, or the file
 */
public record Profile(String name, String title, String description, String reference, String source,
    List<Rule> rules) {

  public Profile {
    rules = List.copyOf(rules);
  }

  /** The verdict for one domain, with one outcome per rule in the profile's order. */
  public Verdict evaluate(DomainFacts facts) {
    List<RuleOutcome> outcomes = new ArrayList<>(rules.size());
    for (Rule r : rules) {
      outcomes.add(r.evaluate(facts));
    }
    return Verdict.of(rules, outcomes, facts);
  }

  public Optional<Rule> rule(String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
