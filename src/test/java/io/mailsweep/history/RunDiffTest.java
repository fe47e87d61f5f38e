package io.mailsweep.history;

import static io.mailsweep.history.Facts.check;
import static io.mailsweep.history.Facts.dmarc;
import static io.mailsweep.history.Facts.domain;
import static io.mailsweep.history.Facts.mtaSts;
import static io.mailsweep.history.Facts.run;
import static io.mailsweep.history.Facts.withAttributes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsweep.check.Status;
import io.mailsweep.policy.DomainFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RunDiffTest {
  private final RunDiff diff = new RunDiff(DiffSettings.DEFAULTS);

  private static Change change(String domain, ChangeKind kind, String check, String before, String after) {
    return new Change(domain, kind, check, before, after, null);
  }

  /** The changes without their detail, which is asserted separately. */
  private static List<Change> bare(List<Change> changes) {
    return changes.stream().map(c -> change(c.domain(), c.kind(), c.check(), c.before(), c.after())).toList();
  }

  @Test
  void aDmarcDowngradeIsOnePolicyChangeNamingTheStatusAndItsNewFinding() {
    List<Change> changes = diff.compare(
        run(domain("a.test", dmarc("p=reject", Status.PASS))),
        run(domain("a.test", dmarc("p=none", Status.WARN, "DMARC_POLICY_NONE"))));
    assertThat(bare(changes)).containsExactly(
        change("a.test", ChangeKind.POLICY_DOWNGRADED, "dmarc", "reject", "none"),
        change("a.test", ChangeKind.FINDING_NEW, "dmarc", null, "DMARC_POLICY_NONE"));
    assertThat(changes.get(0).detail()).isEqualTo("status PASS -> WARN; p=reject; pct=100; rua ok; aspf=r adkim=r"
        + " -> p=none; pct=100; rua ok; aspf=r adkim=r");
  }

  @Test
  void dmarcPoliciesRankFromNoPolicyToReject() {
    assertThat(bare(diff.compare(
        run(domain("a.test", check("dmarc", Status.FAIL, "none", "DMARC_MISSING")),
            domain("b.test", dmarc("sp=quarantine via b.test", Status.PASS)),
            domain("c.test", dmarc("p=quarantine", Status.PASS))),
        run(domain("a.test", dmarc("p=quarantine", Status.PASS)),
            domain("b.test", check("dmarc", Status.FAIL, "invalid: 2 records", "DMARC_MULTIPLE_RECORDS")),
            domain("c.test", withAttributes(dmarc("p=quarantine", Status.PASS), "p", "reject"))))))
        .containsExactly(
            change("a.test", ChangeKind.POLICY_UPGRADED, "dmarc", "no policy", "quarantine"),
            change("a.test", ChangeKind.FINDING_RESOLVED, "dmarc", "DMARC_MISSING", null),
            change("b.test", ChangeKind.POLICY_DOWNGRADED, "dmarc", "quarantine", "no policy"),
            change("b.test", ChangeKind.FINDING_NEW, "dmarc", null, "DMARC_MULTIPLE_RECORDS"),
            change("c.test", ChangeKind.POLICY_UPGRADED, "dmarc", "quarantine", "reject"));
  }

  @Test
  void mtaStsModesRankFromAbsentToEnforce() {
    assertThat(bare(diff.compare(
        run(domain("a.test", mtaSts("enforce", Status.PASS)), domain("b.test", mtaSts("absent", Status.WARN))),
        run(domain("a.test", mtaSts("testing", Status.WARN, "MTASTS_MODE_TESTING")),
            domain("b.test", mtaSts("enforce", Status.PASS))))))
        .containsExactly(
            change("a.test", ChangeKind.POLICY_DOWNGRADED, "mtasts", "enforce", "testing"),
            change("a.test", ChangeKind.FINDING_NEW, "mtasts", null, "MTASTS_MODE_TESTING"),
            change("b.test", ChangeKind.POLICY_UPGRADED, "mtasts", "no policy", "enforce"));
  }

  @Test
  void statusesCompareByHowBadTheyAreAndPassEqualsNotApplicable() {
    assertThat(bare(diff.compare(
        run(domain("a.test", check("spf", Status.PASS, "valid; -all")),
            domain("b.test", check("spf", Status.FAIL, "none", "SPF_MISSING")),
            domain("c.test", check("bimi", Status.NOT_APPLICABLE, "none"))),
        run(domain("a.test", check("spf", Status.WARN, "valid; ~all", "SPF_SOFTFAIL_ALL")),
            domain("b.test", check("spf", Status.PASS, "valid; -all")),
            domain("c.test", check("bimi", Status.PASS, "logo"))))))
        .containsExactly(
            change("a.test", ChangeKind.STATUS_WORSE, "spf", "PASS", "WARN"),
            change("a.test", ChangeKind.FINDING_NEW, "spf", null, "SPF_SOFTFAIL_ALL"),
            change("b.test", ChangeKind.STATUS_BETTER, "spf", "FAIL", "PASS"),
            change("b.test", ChangeKind.FINDING_RESOLVED, "spf", "SPF_MISSING", null),
            change("c.test", ChangeKind.STATUS_CHANGED, "bimi", "NOT_APPLICABLE", "PASS"));
  }

  @Test
  void inconclusiveIsNeitherWorseNorBetterAndLeavesFindingsUncompared() {
    assertThat(bare(diff.compare(
        run(domain("a.test", check("spf", Status.FAIL, "none", "SPF_MISSING"), dmarc("p=reject", Status.PASS)),
            domain("b.test", check("spf", Status.INCONCLUSIVE, "inconclusive"))),
        run(domain("a.test", check("spf", Status.INCONCLUSIVE, "inconclusive"),
                check("dmarc", Status.INCONCLUSIVE, "inconclusive")),
            domain("b.test", check("spf", Status.FAIL, "none", "SPF_MISSING"))))))
        .containsExactly(
            change("a.test", ChangeKind.STATUS_INCONCLUSIVE, "spf", "FAIL", "INCONCLUSIVE"),
            change("a.test", ChangeKind.STATUS_INCONCLUSIVE, "dmarc", "PASS", "INCONCLUSIVE"),
            change("b.test", ChangeKind.STATUS_CONCLUSIVE, "spf", "INCONCLUSIVE", "FAIL"));
  }

  @Test
  void domainsAddedAndRemovedAreListedOnceWithTheirStatuses() {
    List<Change> changes = diff.compare(
        run(domain("gone.test", check("spf", Status.PASS, "ok"), dmarc("p=none", Status.WARN)),
            domain("same.test", check("spf", Status.PASS, "ok"))),
        run(domain("same.test", check("spf", Status.PASS, "ok")), domain("new.test"),
            domain("fresh.test", check("spf", Status.FAIL, "none", "SPF_MISSING"))));
    assertThat(changes).containsExactly(
        new Change("fresh.test", ChangeKind.DOMAIN_ADDED, null, null, "FAIL", "SPF FAIL"),
        new Change("gone.test", ChangeKind.DOMAIN_REMOVED, null, "WARN", null, "SPF PASS; DMARC WARN"),
        new Change("new.test", ChangeKind.DOMAIN_ADDED, null, null, "not scanned", null));
  }

  @Test
  void aCheckRunOnlyOnceIsNotCompared() {
    assertThat(diff.compare(run(domain("a.test", check("spf", Status.PASS, "ok"))),
        run(domain("a.test", check("spf", Status.PASS, "ok"), check("dkim", Status.WARN, "none", "DKIM_NOT_FOUND")))))
        .isEmpty();
  }

  @Test
  void aPluggedVerdictGivesNewlyCompliantAndNonCompliant() {
    Function<DomainFacts, String> verdict = d -> d.check("dmarc").map(c -> switch (c.status()) {
      case PASS -> "compliant";
      case INCONCLUSIVE -> "inconclusive";
      default -> "NON_COMPLIANT";
    }).orElse("inconclusive");
    RunDiff withVerdict = new RunDiff(DiffSettings.DEFAULTS.withVerdict(verdict));
    List<Change> changes = withVerdict.compare(
        run(domain("a.test", dmarc("p=reject", Status.PASS)), domain("b.test", dmarc("p=none", Status.WARN)),
            domain("c.test", dmarc("p=reject", Status.PASS)), domain("d.test", dmarc("p=none", Status.WARN))),
        run(domain("a.test", dmarc("p=none", Status.WARN)), domain("b.test", dmarc("p=reject", Status.PASS)),
            domain("c.test", check("dmarc", Status.INCONCLUSIVE, "inconclusive")),
            domain("d.test", dmarc("p=none", Status.WARN))));
    assertThat(bare(changes)).filteredOn(c -> c.check() == null).containsExactly(
        change("a.test", ChangeKind.NEWLY_NON_COMPLIANT, null, "compliant", "NON_COMPLIANT"),
        change("b.test", ChangeKind.NEWLY_COMPLIANT, null, "NON_COMPLIANT", "compliant"),
        change("c.test", ChangeKind.VERDICT_CHANGED, null, "compliant", "inconclusive"));
    assertThat(changes.get(0).kind()).isEqualTo(ChangeKind.NEWLY_NON_COMPLIANT);
  }

  @Test
  void sidesOutOfOrderAreRefusedAndARepeatedDomainIsComparedOnce() {
    List<Change> out = new ArrayList<>();
    List<DomainFacts> unsorted = run(domain("b.test"), domain("a.test"));
    assertThatThrownBy(() -> diff.compareDomains(unsorted.iterator(), List.<DomainFacts>of().iterator(), out::add))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("a.test after b.test");
    out.clear();
    diff.compareDomains(run(domain("a.test", check("spf", Status.PASS, "ok")),
        domain("a.test", check("spf", Status.FAIL, "x"))).iterator(),
        run(domain("a.test", check("spf", Status.PASS, "ok"))).iterator(), out::add);
    assertThat(out).isEmpty();
  }
}
