package io.mailsweep.policy;

import io.mailsweep.check.Status;
import java.util.Map;
import java.util.Set;

/**
 * One check's stored result for one domain, as compliance rules and run-to-run comparisons read
 * it: its status, summary, the codes of its findings and its attributes (named values such as
 * {@code STARTTLS on MX} or {@code Worst TLS}).
 */
public record CheckFacts(
    String check, Status status, String summary, Set<String> findingCodes, Map<String, String> attributes) {

  public CheckFacts {
    findingCodes = Set.copyOf(findingCodes);
    attributes = Map.copyOf(attributes);
  }

  /** The value of attribute {@code name}, or null. */
  public String attribute(String name) {
    return attributes.get(name);
  }
}
