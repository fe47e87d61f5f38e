package io.mailsweep.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.policy.DomainFacts;
import io.mailsweep.store.FactsRepository;
import io.mailsweep.store.RowWindows;
import io.mailsweep.testing.db.StoredRuns;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The facts the Domains sheet hands the verdicts, made from the check results it reads for its
 * rows and the window's finding codes, equal what the facts join reads for the same window: status
 * names this version does not know, repeated and duplicate codes, a finding of a check without a
 * result, repeated attributes, domains not scanned, and another run's rows between.
 */
class WindowFactsTest {
  private static final String[] STATUSES = {"PASS", "WARN", "FAIL", "INCONCLUSIVE", "NOT_APPLICABLE", "LATER"};
  private static final String[] CHECKS = {"spf", "dmarc", "dkim", "mx"};
  private static final String[] CODES = {"SPF_SOFTFAIL", "SPF_LOOKUPS", "DMARC_NONE", "DKIM_WEAK", "MX_NONE"};

  private final StoredRuns db = new StoredRuns()
      .run(1, "nightly", "2026-11-01T02:00:00Z", "COMPLETED", null)
      .run(2, "other", "2026-11-01T02:00:00Z", "COMPLETED", null);

  @Test
  void factsFromTheReadRowsEqualTheFactsJoin() {
    int domains = RowWindows.SIZE + 700;
    Random random = new Random(1207);
    List<Object[]> rows = new ArrayList<>();
    List<Object[]> results = new ArrayList<>();
    List<Object[]> checks = new ArrayList<>();
    List<Object[]> findings = new ArrayList<>();
    for (long id = 1; id <= domains * 2L; id++) {
      long run = id % 3 == 0 ? 2 : 1;
      boolean rejected = id % 17 == 0;
      rows.add(new Object[] {id, run, id, "d" + id + ".test", rejected ? null : "d" + id + ".test",
          rejected ? "REJECTED" : "ACCEPTED"});
      if (rejected || id % 13 == 0) {
        continue;
      }
      results.add(new Object[] {id, run, "d" + id + ".test", STATUSES[random.nextInt(STATUSES.length)]});
      for (String check : CHECKS) {
        if (random.nextInt(8) == 0) {
          continue; // the check did not run for this domain; its findings (if any) are not facts
        }
        String attributes = random.nextBoolean() ? null
            : "Policy=" + random.nextInt(3) + "\nLookups=" + random.nextInt(12) + "\nPolicy=repeated\n";
        checks.add(new Object[] {run, id, check, STATUSES[random.nextInt(STATUSES.length)],
            random.nextBoolean() ? null : check + " of " + id, attributes});
      }
      for (int n = random.nextInt(5); n > 0; n--) {
        String code = CODES[random.nextInt(CODES.length)];
        findings.add(new Object[] {run, id, code.substring(0, code.indexOf('_')).toLowerCase(), code});
      }
    }
    db.jdbc.batchUpdate("INSERT INTO input_row (id, run_id, line_no, raw_value, domain, disposition)"
        + " VALUES (?,?,?,?,?,?)", rows);
    db.jdbc.batchUpdate("INSERT INTO domain_result (input_row_id, run_id, domain, status, scanned_at, duration_ms)"
        + " VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, 5)", results);
    db.jdbc.batchUpdate("INSERT INTO check_result (run_id, input_row_id, check_name, status, summary, attributes,"
        + " evidence) VALUES (?,?,?,?,?,?, 'evidence')", checks);
    db.jdbc.batchUpdate("INSERT INTO finding (run_id, input_row_id, check_name, code, severity, message)"
        + " VALUES (?,?,?,?, 'MEDIUM', 'message')", findings);

    FactsRepository repository = new FactsRepository(db.jdbc.getDataSource());
    List<DomainFacts> joined = new ArrayList<>();
    List<DomainFacts> read = new ArrayList<>();
    RowWindows.of(db.jdbc, 1).forEachRemaining(window -> {
      joined.addAll(repository.domains(1, window));
      read.addAll(DomainsSheet.facts(DomainLines.window(db.jdbc, 1, window, false), repository.codes(1, window)));
    });

    assertThat(joined).hasSizeGreaterThan(RowWindows.SIZE);
    assertThat(joined.stream().filter(d -> d.overall() == null)).isNotEmpty();
    assertThat(joined.stream().flatMap(d -> d.checks().values().stream()).filter(c -> c.findingCodes().size() > 1))
        .isNotEmpty();
    assertThat(read).containsExactlyElementsOf(joined);
  }
}
