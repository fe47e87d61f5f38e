package io.mailsweep.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsweep.check.Status;
import io.mailsweep.policy.CheckFacts;
import io.mailsweep.policy.DomainFacts;
import io.mailsweep.store.FactsRepository;
import io.mailsweep.store.ScanRun;
import io.mailsweep.testing.db.StoredRuns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Stored runs read back as facts and compared through the database, as diff and the Changes sheet do. */
class DriftTest {
  private final StoredRuns db = new StoredRuns();

  /**
   * Job "nightly": run 1 (completed), run 2 (failed), run 3 (completed, the later run); run 4 of
   * another job. Run 1: b.test, a.test, gone.test, a rejected line. Run 3: c.test, a.test, b.test.
   */
  private void twoRuns() {
    db.run(1, "nightly", "2026-11-28T02:00:00Z", "COMPLETED", null)
        .run(2, "nightly", "2026-11-28T14:00:00Z", "FAILED", null)
        .run(3, "nightly", "2026-11-29T02:00:00Z", "COMPLETED", null)
        .run(4, "other", "2026-11-28T20:00:00Z", "COMPLETED", null);
    db.domain(1, 2, "b.test", "PASS").check(1, 2, "dmarc", "PASS", "p=reject; pct=100; rua ok; aspf=r adkim=r", null)
        .check(1, 2, "mtasts", "PASS", "enforce (valid)", "MTA-STS mode=enforce\nMTA-STS valid=yes\n")
        .domain(1, 3, "a.test", "WARN").check(1, 3, "dmarc", "PASS", "p=reject; pct=100; no rua", null)
        .finding(1, 3, "dmarc", "DMARC_NO_RUA").check(1, 3, "spf", "WARN", "valid; ~all", null)
        .finding(1, 3, "spf", "SPF_SOFTFAIL_ALL").finding(1, 3, "spf", "SPF_PTR_USED")
        .domain(1, 4, "gone.test", "PASS").check(1, 4, "spf", "PASS", "valid; -all", null)
        .rejected(1, 5, "not a domain");
    db.domain(3, 12, "c.test", null)
        .domain(3, 13, "a.test", "WARN").check(3, 13, "dmarc", "PASS", "p=reject; pct=100; no rua", null)
        .finding(3, 13, "dmarc", "DMARC_NO_RUA").check(3, 13, "spf", "WARN", "valid; ~all", null)
        .finding(3, 13, "spf", "SPF_SOFTFAIL_ALL")
        .domain(3, 14, "b.test", "WARN").check(3, 14, "dmarc", "WARN", "p=none; pct=100; rua ok; aspf=r adkim=r",
            null).finding(3, 14, "dmarc", "DMARC_POLICY_NONE")
        .check(3, 14, "mtasts", "WARN", "testing (valid)", "MTA-STS mode=testing\nMTA-STS valid=yes\n");
    db.server(1, "mx.b.test", "127.0.25.1", "CN=mx.b.test", "2026-12-01T00:00:00Z")
        .server(3, "mx.b.test", "127.0.25.1", "CN=mx.b.test", "2027-03-01T00:00:00Z")
        .server(3, "mx.c.test", "127.0.25.2", "CN=mx.c.test", "2026-12-04T00:00:00Z")
        .server(3, "mx.d.test", "127.0.25.3", null, null);
  }

  @Test
  void factsComeBackOneDomainAtATimeInEitherOrder() {
    twoRuns();
    FactsRepository facts = new FactsRepository(db.dataSource);
    try (Stream<DomainFacts> byDomain = facts.domains(1, FactsRepository.Order.DOMAIN);
        Stream<DomainFacts> byLine = facts.domains(1, FactsRepository.Order.LINE)) {
      List<DomainFacts> domains = byDomain.toList();
      assertThat(domains).extracting(DomainFacts::domain).containsExactly("a.test", "b.test", "gone.test");
      assertThat(byLine.map(DomainFacts::domain)).containsExactly("b.test", "a.test", "gone.test");
      DomainFacts a = domains.get(0);
      assertThat(a.lineNo()).isEqualTo(3);
      assertThat(a.overall()).isEqualTo(Status.WARN);
      assertThat(a.check("spf").orElseThrow()).isEqualTo(new CheckFacts("spf", Status.WARN, "valid; ~all",
          Set.of("SPF_PTR_USED", "SPF_SOFTFAIL_ALL"), Map.of()));
      assertThat(domains.get(1).check("mtasts").orElseThrow().attribute("MTA-STS mode")).isEqualTo("enforce");
    }
    try (Stream<DomainFacts> later = facts.domains(3, FactsRepository.Order.DOMAIN)) {
      DomainFacts notScanned = later.filter(d -> d.domain().equals("c.test")).findFirst().orElseThrow();
      assertThat(notScanned.overall()).isNull();
      assertThat(notScanned.checks()).isEmpty();
    }
  }

  @Test
  void theRunComparedWithIsTheNewestEarlierCompletedRunOfTheSameJob() {
    twoRuns();
    Drift drift = new Drift(db.dataSource, DiffSettings.DEFAULTS);
    assertThat(drift.previous(3)).map(ScanRun::id).contains(1L);
    assertThat(drift.previous(2)).map(ScanRun::id).contains(1L);
    assertThat(drift.previous(1)).isEmpty();
    assertThat(drift.previous(4)).isEmpty();
    assertThatThrownBy(() -> drift.compare(1, 99, c -> {})).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("there is no run 99");
  }

  @Test
  void compareStreamsDomainChangesThenCertificateChanges() {
    twoRuns();
    List<Change> changes = new ArrayList<>();
    new Drift(db.dataSource, DiffSettings.DEFAULTS).compare(1, 3, changes::add);
    assertThat(changes).extracting(Change::domain, Change::kind, Change::check, Change::before, Change::after)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a.test", ChangeKind.FINDING_RESOLVED, "spf", "SPF_PTR_USED", null),
            org.assertj.core.groups.Tuple.tuple("b.test", ChangeKind.POLICY_DOWNGRADED, "dmarc", "reject", "none"),
            org.assertj.core.groups.Tuple.tuple("b.test", ChangeKind.POLICY_DOWNGRADED, "mtasts", "enforce", "testing"),
            org.assertj.core.groups.Tuple.tuple("b.test", ChangeKind.FINDING_NEW, "dmarc", null, "DMARC_POLICY_NONE"),
            org.assertj.core.groups.Tuple.tuple("c.test", ChangeKind.DOMAIN_ADDED, null, null, "not scanned"),
            org.assertj.core.groups.Tuple.tuple("gone.test", ChangeKind.DOMAIN_REMOVED, null, "PASS", null),
            org.assertj.core.groups.Tuple.tuple("mx.b.test", ChangeKind.CERTIFICATE_CHANGED, "starttls",
                "subject CN=mx.b.test; issuer CN=Lab CA; expires 2026-12-01T00:00:00Z",
                "subject CN=mx.b.test; issuer CN=Lab CA; expires 2027-03-01T00:00:00Z"),
            org.assertj.core.groups.Tuple.tuple("mx.c.test", ChangeKind.CERTIFICATE_EXPIRING, "starttls", null,
                "2026-12-04T00:00:00Z"));
  }
}
