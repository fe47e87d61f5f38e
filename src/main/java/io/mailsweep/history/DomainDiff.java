package io.mailsweep.history;

import io.mailsweep.check.Status;
import io.mailsweep.policy.CheckFacts;
import io.mailsweep.policy.DomainFacts;
import io.mailsweep.scan.CheckCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The changes of one domain between two runs, sorted by {@link Change#WITHIN_DOMAIN}. Rules:
 *
 * <ul>
 *   <li>Only checks present in both runs are compared.
 *   <li>A policy change (DMARC p=, MTA-STS mode) is reported instead of that check's status
 *       change, which its detail names.
 *   <li>INCONCLUSIVE is never better or worse: becoming or ceasing to be inconclusive has kinds of
 *       its own, and findings of a check inconclusive in either run are not compared (a finding
 *       that could not be looked for is not resolved).
 * </ul>
 */
final class DomainDiff {
  private static final String COMPLIANT = "compliant";
  private static final String NON_COMPLIANT = "non-compliant";

  private final Function<DomainFacts, String> verdict;

  /** @param verdict a domain's verdict, or null to compare none */
  DomainDiff(Function<DomainFacts, String> verdict) {
    this.verdict = verdict;
  }

  List<Change> compare(DomainFacts before, DomainFacts after) {
    List<Change> out = new ArrayList<>();
    verdicts(before, after, out);
    for (CheckFacts b : after.checks().values()) {
      CheckFacts a = before.checks().get(b.check());
      if (a != null) {
        check(after.domain(), a, b, out);
      }
    }
    out.sort(Change.WITHIN_DOMAIN);
    return out;
  }

  Change added(DomainFacts after) {
    return new Change(after.domain(), ChangeKind.DOMAIN_ADDED, null, null, overall(after), outline(after));
  }

  Change removed(DomainFacts before) {
    return new Change(before.domain(), ChangeKind.DOMAIN_REMOVED, null, overall(before), null, outline(before));
  }

  private void verdicts(DomainFacts before, DomainFacts after, List<Change> out) {
    if (verdict == null) {
      return;
    }
    String a = verdict.apply(before);
    String b = verdict.apply(after);
    if (normal(a).equals(normal(b))) {
      return;
    }
    ChangeKind kind = switch (normal(b)) {
      case NON_COMPLIANT -> ChangeKind.NEWLY_NON_COMPLIANT;
      case COMPLIANT -> ChangeKind.NEWLY_COMPLIANT;
      default -> ChangeKind.VERDICT_CHANGED;
    };
    out.add(new Change(after.domain(), kind, null, a, b, null));
  }

  private static void check(String domain, CheckFacts a, CheckFacts b, List<Change> out) {
    Optional<Posture> pa = Posture.of(a);
    Optional<Posture> pb = Posture.of(b);
    if (pa.isPresent() && pb.isPresent() && pa.get().rank() != pb.get().rank()) {
      ChangeKind kind = pb.get().rank() < pa.get().rank() ? ChangeKind.POLICY_DOWNGRADED : ChangeKind.POLICY_UPGRADED;
      String status = a.status() == b.status() ? "" : "status " + a.status() + " -> " + b.status() + "; ";
      out.add(new Change(domain, kind, b.check(), pa.get().label(), pb.get().label(), status + summaries(a, b)));
    } else if (a.status() != b.status()) {
      out.add(new Change(domain, statusKind(a.status(), b.status()), b.check(), a.status().name(),
          b.status().name(), summaries(a, b)));
    }
    if (a.status() != Status.INCONCLUSIVE && b.status() != Status.INCONCLUSIVE) {
      findings(domain, a, b, out);
    }
  }

  private static ChangeKind statusKind(Status a, Status b) {
    if (b == Status.INCONCLUSIVE) {
      return ChangeKind.STATUS_INCONCLUSIVE;
    }
    if (a == Status.INCONCLUSIVE) {
      return ChangeKind.STATUS_CONCLUSIVE;
    }
    int c = Integer.compare(severity(b), severity(a));
    return c > 0 ? ChangeKind.STATUS_WORSE : c < 0 ? ChangeKind.STATUS_BETTER : ChangeKind.STATUS_CHANGED;
  }

  /** How bad a conclusive status is: PASS and NOT_APPLICABLE alike, then WARN, then FAIL. */
  private static int severity(Status s) {
    return switch (s) {
      case WARN -> 1;
      case FAIL -> 2;
      default -> 0;
    };
  }

  private static void findings(String domain, CheckFacts a, CheckFacts b, List<Change> out) {
    TreeSet<String> added = new TreeSet<>(b.findingCodes());
    added.removeAll(a.findingCodes());
    TreeSet<String> resolved = new TreeSet<>(a.findingCodes());
    resolved.removeAll(b.findingCodes());
    added.forEach(code -> out.add(new Change(domain, ChangeKind.FINDING_NEW, b.check(), null, code, b.summary())));
    resolved.forEach(code -> out.add(
        new Change(domain, ChangeKind.FINDING_RESOLVED, b.check(), code, null, b.summary())));
  }

  private static String summaries(CheckFacts a, CheckFacts b) {
    String sa = a.summary() == null ? "" : a.summary();
    String sb = b.summary() == null ? "" : b.summary();
    return sa.equals(sb) ? sa : sa + " -> " + sb;
  }

  private static String overall(DomainFacts d) {
    return d.overall() == null ? "not scanned" : d.overall().name();
  }

  /** The domain's check statuses in catalogue order, e.g. "SPF PASS; DMARC WARN"; null for none. */
  private String outline(DomainFacts d) {
    String checks = d.checks().values().stream()
        .sorted(Comparator.comparingInt((CheckFacts c) -> CheckOrder.rank(c.check())).thenComparing(CheckFacts::check))
        .map(c -> CheckCatalog.displayName(c.check()) + " " + c.status())
        .collect(Collectors.joining("; "));
    String v = verdict == null ? null : verdict.apply(d);
    String text = v == null ? checks : checks.isEmpty() ? "verdict " + v : checks + "; verdict " + v;
    return text.isEmpty() ? null : text;
  }

  private static String normal(String v) {
    return v == null ? "" : v.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
  }
}
