package io.mailsweep.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.policy.DomainFacts;
import io.mailsweep.store.FactsRepository;
import io.mailsweep.store.RowWindows;
import io.mailsweep.testing.db.StoredRuns;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The report's readers cross windows of input rows ({@link RowWindows}) without losing, repeating
 * or reordering a domain, a check or a finding: a run of two and a half windows, with rejected rows
 * and another run's rows between its own.
 */
class WindowedReadingTest {
  private static final int DOMAINS = RowWindows.SIZE * 5 / 2;

  private final StoredRuns db = new StoredRuns()
      .run(1, "nightly", "2026-11-01T02:00:00Z", "COMPLETED", null)
      .run(2, "other", "2026-11-01T02:00:00Z", "COMPLETED", null);
  private final List<Long> accepted = new ArrayList<>();

  @BeforeEach
  void storeRun() {
    List<Object[]> rows = new ArrayList<>();
    List<Object[]> results = new ArrayList<>();
    List<Object[]> checks = new ArrayList<>();
    List<Object[]> findings = new ArrayList<>();
    for (long id = 1; id <= DOMAINS * 2L; id++) {
      boolean ours = id % 2 == 1;
      boolean rejected = id % 7 == 0;
      long run = ours ? 1 : 2;
      rows.add(new Object[] {id, run, id, "d" + id + ".test", rejected ? null : "d" + id + ".test",
          rejected ? "REJECTED" : "ACCEPTED"});
      if (rejected) {
        continue;
      }
      if (ours) {
        accepted.add(id);
      }
      results.add(new Object[] {id, run, "d" + id + ".test", "WARN"});
      checks.add(new Object[] {run, id, "spf", "PASS", "spf of " + id});
      checks.add(new Object[] {run, id, "dmarc", "WARN", "dmarc of " + id});
      if (id % 3 != 0) {
        findings.add(new Object[] {run, id, "dmarc", "DMARC_" + id});
      }
    }
    db.jdbc.batchUpdate("INSERT INTO input_row (id, run_id, line_no, raw_value, domain, disposition)"
        + " VALUES (?,?,?,?,?,?)", rows);
    db.jdbc.batchUpdate("INSERT INTO domain_result (input_row_id, run_id, domain, status, scanned_at, duration_ms)"
        + " VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, 5)", results);
    db.jdbc.batchUpdate("INSERT INTO check_result (run_id, input_row_id, check_name, status, summary)"
        + " VALUES (?,?,?,?,?)", checks);
    db.jdbc.batchUpdate("INSERT INTO finding (run_id, input_row_id, check_name, code, severity, message)"
        + " VALUES (?,?,?,?, 'MEDIUM', 'message')", findings);
  }

  private List<Long> withFinding() {
    return accepted.stream().filter(id -> id % 3 != 0).toList();
  }

  @Test
  void theRunSpansSeveralWindows() {
    List<RowWindows.Window> windows = new ArrayList<>();
    RowWindows.of(db.jdbc, 1).forEachRemaining(windows::add);

    assertThat(windows).hasSize((accepted.size() + RowWindows.SIZE - 1) / RowWindows.SIZE).hasSizeGreaterThan(2);
  }

  @Test
  void domainLinesHandOutEveryAcceptedRowOnceInInputOrderWithItsOwnChecks() {
    List<Long> seen = new ArrayList<>();
    DomainLines.each(db.jdbc, 1, false, line -> {
      seen.add(line.inputRowId);
      assertThat(line.checks()).extracting(DomainLine.CheckCell::summary)
          .containsExactly("spf of " + line.inputRowId, "dmarc of " + line.inputRowId);
    });

    assertThat(seen).isEqualTo(accepted);
  }

  @Test
  void findingCursorGivesEachRowItsOwnFindingsAcrossWindows() {
    FindingCursor cursor = new FindingCursor(db.jdbc, 1);
    List<String> codes = new ArrayList<>();
    for (long id : accepted) {
      cursor.take(id).forEach(f -> codes.add(f.code()));
    }

    assertThat(codes).isEqualTo(withFinding().stream().map(id -> "DMARC_" + id).toList());
  }

  @Test
  void findingCursorSkipsRowsNeverAskedFor() {
    FindingCursor cursor = new FindingCursor(db.jdbc, 1);
    long late = withFinding().get(withFinding().size() - 1);

    assertThat(cursor.take(late)).extracting(FindingCursor.Finding::code).containsExactly("DMARC_" + late);
  }

  @Test
  void findingsAreReadInInputOrder() {
    List<String> codes = new ArrayList<>();
    FindingsSheet.each(db.jdbc, 1, f -> codes.add(f.code()));

    assertThat(codes).isEqualTo(withFinding().stream().map(id -> "DMARC_" + id).toList());
  }

  @Test
  void factsInInputOrderCoverEveryAcceptedDomainOnce() {
    try (Stream<DomainFacts> facts = new FactsRepository(db.dataSource).domains(1, FactsRepository.Order.LINE)) {
      List<DomainFacts> all = facts.toList();

      assertThat(all).extracting(DomainFacts::inputRowId).isEqualTo(accepted);
      assertThat(all).allSatisfy(d -> assertThat(d.checks()).containsOnlyKeys("spf", "dmarc"));
      assertThat(all.stream().filter(d -> d.check("dmarc").orElseThrow().findingCodes().size() == 1).count())
          .isEqualTo(withFinding().size());
    }
  }

  @Test
  void noRowIsLeftOutWhenAcceptedRowsEndExactlyOnAWindowBound() {
    long keep = accepted.get(RowWindows.SIZE * 2 - 1);
    db.jdbc.update("DELETE FROM input_row WHERE run_id = 1 AND id > ?", keep);
    List<Long> seen = new ArrayList<>();
    DomainLines.each(db.jdbc, 1, false, line -> seen.add(line.inputRowId));

    assertThat(seen).isEqualTo(accepted.subList(0, RowWindows.SIZE * 2));
    assertThat(LongStream.of(seen.stream().mapToLong(Long::longValue).toArray()).distinct().count())
        .isEqualTo(RowWindows.SIZE * 2L);
  }
}
