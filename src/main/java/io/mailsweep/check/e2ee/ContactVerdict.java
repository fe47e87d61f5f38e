package io.mailsweep.check.e2ee;

import io.mailsweep.check.Finding;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The verdict on one contact: by which methods a key was found, which were looked up and found
 * nothing, and which could not be checked (with why).
 *
 * @param unknown the methods not determined, each with the reason, in method order
 * @param evidence the lookups behind the verdict, for the report
 */
public record ContactVerdict(ContactAddress address, List<KeyMethod> found, List<KeyMethod> absent,
    Map<KeyMethod, String> unknown, List<Finding> findings, List<String> evidence) {

  /** Whether encrypted mail to the contact is possible. */
  public enum Reach {
    /** A key was found by at least one method. */
    REACHABLE,
    /** Every method was checked and none found a key. */
    UNREACHABLE,
    /** No key found, and some method could not be checked. */
    UNKNOWN
  }

  public ContactVerdict {
    found = List.copyOf(found);
    absent = List.copyOf(absent);
    unknown = Map.copyOf(unknown);
    findings = List.copyOf(findings);
    evidence = List.copyOf(evidence);
  }

  public Reach reach() {
    return !found.isEmpty() ? Reach.REACHABLE : unknown.isEmpty() ? Reach.UNREACHABLE : Reach.UNKNOWN;
  }

  /** E.g. {@code encrypted mail to alice@x.test: possible via WKD, OPENPGPKEY}. */
  public String line() {
    String head = "encrypted mail to " + address.text() + ": ";
    return switch (reach()) {
      case REACHABLE -> head + "possible via " + names(found);
      case UNREACHABLE -> head + "not found among " + names(absent);
      case UNKNOWN -> head + "not determined (" + (absent.isEmpty() ? "" : "not found among " + names(absent) + "; ")
          + names(ordered(unknown)) + " could not be checked)";
    };
  }

  /** E.g. {@code alice@x.test: WKD, OPENPGPKEY}, {@code bob@x.test: none} or {@code carol@x.test: unknown}. */
  public String compact() {
    return address.text() + ": " + switch (reach()) {
      case REACHABLE -> names(found);
      case UNREACHABLE -> "none";
      case UNKNOWN -> "unknown";
    };
  }

  /** Why the contact is not determined, e.g. {@code bob@x.test: OPENPGPKEY: ... TIMEOUT}. */
  public String unknownReason() {
    return address.text() + ": " + ordered(unknown).stream().map(m -> m + " " + unknown.get(m))
        .collect(Collectors.joining("; "));
  }

  private static List<KeyMethod> ordered(Map<KeyMethod, String> methods) {
    return List.of(KeyMethod.values()).stream().filter(methods::containsKey).toList();
  }

  private static String names(List<KeyMethod> methods) {
    return methods.stream().map(KeyMethod::name).collect(Collectors.joining(", "));
  }
}
