package io.mailsweep.check.e2ee;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.DnsEvidence;
import io.mailsweep.check.Finding;
import io.mailsweep.check.Severity;
import io.mailsweep.check.Status;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.DnsAnswer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the domain's WKD and the contacts' lookups into the check's result. Pure; the status rule
 * is documented on {@link E2eeCheck}.
 */
final class E2eeEvaluator {
  /** Policy file lines quoted in the evidence; a real one has a handful. */
  static final int MAX_POLICY_LINES = 10;

  private E2eeEvaluator() {}

  static CheckResult evaluate(WkdHost host, WkdFetch policy, ContactList.Parsed contacts,
      List<ContactLookup> lookups, int cap) {
    List<ContactVerdict> verdicts = lookups.stream().map(ContactJudge::judge).toList();
    WkdVerdict wkd = withKeys(WkdJudge.judge(host, policy), host, verdicts, lookups);
    List<Finding> findings = new ArrayList<>(wkd.findings());
    List<String> evidence = new ArrayList<>();
    verdicts.forEach(v -> evidence.add(v.line()));
    input(contacts, cap, findings, evidence);
    evidence.addAll(hostEvidence(host, policy));
    Map<DomainName, WkdHost> others = new LinkedHashMap<>();
    lookups.stream().map(ContactLookup::host).filter(h -> !h.domain().equals(host.domain()))
        .forEach(h -> others.putIfAbsent(h.domain(), h));
    others.values().forEach(h -> evidence.addAll(hostEvidence(h, null)));
    for (ContactVerdict v : verdicts) {
      findings.addAll(v.findings());
      evidence.addAll(v.evidence());
    }
    List<CheckResult.Attribute> attributes = new ArrayList<>();
    if (!verdicts.isEmpty()) {
      attributes.add(new CheckResult.Attribute(E2eeCheck.ENCRYPTED_MAIL,
          verdicts.stream().map(ContactVerdict::compact).collect(Collectors.joining("; "))));
    }
    attributes.add(new CheckResult.Attribute(E2eeCheck.WKD, wkd.text()));
    Outcome outcome = verdicts.isEmpty() ? withoutContacts(wkd) : withContacts(verdicts, findings);
    String summary = outcome.summary + "; WKD " + wkd.text() + tail(contacts, cap);
    return new CheckResult(E2eeCheck.NAME, outcome.status, summary, outcome.reason, findings, evidence, attributes,
        List.of());
  }

  private record Outcome(Status status, String summary, String reason) {}

  /** No contact looked up: the domain's WKD alone. */
  private static Outcome withoutContacts(WkdVerdict wkd) {
    Status status = switch (wkd.state()) {
      case OFFERED -> Status.PASS;
      case BROKEN -> Status.WARN;
      case NOT_OFFERED -> Status.NOT_APPLICABLE;
      case UNKNOWN -> Status.INCONCLUSIVE;
    };
    return new Outcome(status, "no contact listed", wkd.reason());
  }

  /**
   * PASS when all contacts are reachable, WARN when some are, FAIL when none is; a status the
   * undetermined contacts could change is INCONCLUSIVE. Findings of severity LOW or above turn a
   * PASS into WARN.
   */
  private static Outcome withContacts(List<ContactVerdict> verdicts, List<Finding> findings) {
    Map<ContactVerdict.Reach, Long> n = verdicts.stream()
        .collect(Collectors.groupingBy(ContactVerdict::reach, Collectors.counting()));
    long reachable = n.getOrDefault(ContactVerdict.Reach.REACHABLE, 0L);
    long unreachable = n.getOrDefault(ContactVerdict.Reach.UNREACHABLE, 0L);
    long unknown = n.getOrDefault(ContactVerdict.Reach.UNKNOWN, 0L);
    String summary = reachable + "/" + verdicts.size() + " contacts reachable"
        + (unknown > 0 ? ", " + unknown + " not determined" : "");
    if (unknown > 0 && (reachable == 0 || unreachable == 0)) {
      String reason = "not determined for " + verdicts.stream()
          .filter(v -> v.reach() == ContactVerdict.Reach.UNKNOWN).map(ContactVerdict::unknownReason)
          .collect(Collectors.joining(" | "));
      return new Outcome(Status.INCONCLUSIVE, summary, reason);
    }
    Status status = reachable == verdicts.size() ? Status.PASS : reachable == 0 ? Status.FAIL : Status.WARN;
    boolean notable = findings.stream().anyMatch(f -> f.severity().compareTo(Severity.LOW) >= 0);
    return new Outcome(status == Status.PASS && notable ? Status.WARN : status, summary, null);
  }

  /** A direct-method domain that serves keys without a policy file still offers WKD. */
  private static WkdVerdict withKeys(WkdVerdict wkd, WkdHost host, List<ContactVerdict> verdicts,
      List<ContactLookup> lookups) {
    if (wkd.state() != WkdVerdict.State.NOT_OFFERED || host.method() == null) {
      return wkd;
    }
    for (int i = 0; i < verdicts.size(); i++) {
      if (lookups.get(i).host().domain().equals(host.domain()) && verdicts.get(i).found().contains(KeyMethod.WKD)) {
        return WkdJudge.keysWithoutPolicy(wkd, host, lookups.get(i).wkd().url());
      }
    }
    return wkd;
  }

  /** Malformed and capped-off contacts: findings and evidence, never dropped silently. */
  private static void input(ContactList.Parsed contacts, int cap, List<Finding> findings, List<String> evidence) {
    for (ContactList.Malformed m : contacts.malformed()) {
      findings.add(E2eeFinding.E2EE_CONTACT_MALFORMED.with("'" + m.token() + "' not looked up: " + m.reason()));
      evidence.add(";; malformed contact '" + m.token() + "': " + m.reason());
    }
    if (!contacts.skipped().isEmpty()) {
      String skipped = contacts.skipped().stream().map(ContactAddress::text).collect(Collectors.joining(", "));
      findings.add(E2eeFinding.E2EE_TOO_MANY_CONTACTS.with(contacts.skipped().size() + " contacts past the cap of "
          + cap + " not looked up: " + skipped));
      evidence.add(";; not looked up (cap " + cap + "): " + skipped);
    }
  }

  private static String tail(ContactList.Parsed contacts, int cap) {
    String s = contacts.skipped().isEmpty() ? ""
        : "; " + contacts.skipped().size() + " more not looked up (cap " + cap + ")";
    return s + (contacts.malformed().isEmpty() ? "" : "; " + contacts.malformed().size() + " malformed");
  }

  /** The host's address lookups, refusals, the policy fetch and the policy's first lines. */
  private static List<String> hostEvidence(WkdHost host, WkdFetch policy) {
    List<String> lines = new ArrayList<>();
    for (DnsAnswer a : host.lookups()) {
      lines.addAll(DnsEvidence.of(a));
    }
    for (WkdHost.Refused r : host.refused()) {
      lines.add(";; not contacted " + r.address() + ": " + r.refusal().reason());
    }
    if (policy != null) {
      for (WkdFetch.Attempt a : policy.attempts()) {
        lines.add(";; GET " + policy.url() + " at " + a.address() + ": " + a.result().describe());
      }
      String body = policy.result() == null ? null : policy.result().body();
      if (body != null) {
        body.lines().limit(MAX_POLICY_LINES).forEach(l -> lines.add("| " + (l.length() > 120 ? l.substring(0, 120)
            + "..." : l)));
      }
    }
    return lines;
  }
}
