package io.mailsweep.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.Status;
import io.mailsweep.store.RowWindows;
import io.mailsweep.testing.db.StoredRuns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Summary's counts taken while the tables are written equal what GROUP BY queries over the
 * whole run say: statuses per check and overall, and the top findings with their domain counts,
 * over several windows of input rows, with another run's rows between.
 */
class SummaryTalliesTest {
  private static final int DOMAINS = RowWindows.SIZE * 2 + 300;
  private static final String[] STATUSES = {"PASS", "WARN", "FAIL", "INCONCLUSIVE", "NOT_APPLICABLE"};
  private static final String[] CHECKS = {"spf", "dmarc", "dkim", "mx"};
  private static final String[] CODES = {"SPF_SOFTFAIL", "DMARC_NONE", "DKIM_WEAK", "MX_NONE", "SPF_LOOKUPS"};

  @TempDir
  Path dir;

  private final StoredRuns db = new StoredRuns()
      .run(1, "nightly", "2026-11-01T02:00:00Z", "COMPLETED", null)
      .run(2, "other", "2026-11-01T02:00:00Z", "COMPLETED", null);

  @BeforeEach
  void storeRuns() {
    Random random = new Random(7489);
    List<Object[]> rows = new ArrayList<>();
    List<Object[]> results = new ArrayList<>();
    List<Object[]> checks = new ArrayList<>();
    List<Object[]> findings = new ArrayList<>();
    for (long id = 1; id <= DOMAINS * 2L; id++) {
      long run = id % 3 == 0 ? 2 : 1;
      boolean rejected = id % 11 == 0;
      rows.add(new Object[] {id, run, id, "d" + id + ".test", rejected ? null : "d" + id + ".test",
          rejected ? "REJECTED" : "ACCEPTED"});
      if (rejected || id % 13 == 0) { // rejected, or accepted and not reached by the scan
        continue;
      }
      results.add(new Object[] {id, run, "d" + id + ".test", STATUSES[random.nextInt(STATUSES.length)]});
      for (String check : CHECKS) {
        checks.add(new Object[] {run, id, check, STATUSES[random.nextInt(STATUSES.length)], check + " of " + id});
      }
      for (int n = random.nextInt(4); n > 0; n--) { // the same code twice on one domain now and then
        String code = CODES[random.nextInt(random.nextBoolean() ? 2 : CODES.length)];
        String reference = random.nextInt(5) == 0 ? null : "RFC 7208 §" + random.nextInt(3);
        findings.add(new Object[] {run, id, code.substring(0, code.indexOf('_')).toLowerCase(), code,
            random.nextInt(4) == 0 ? "HIGH" : "MEDIUM", reference});
      }
    }
    db.jdbc.batchUpdate("INSERT INTO input_row (id, run_id, line_no, raw_value, domain, disposition)"
        + " VALUES (?,?,?,?,?,?)", rows);
    db.jdbc.batchUpdate("INSERT INTO domain_result (input_row_id, run_id, domain, status, scanned_at, duration_ms)"
        + " VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, 5)", results);
    db.jdbc.batchUpdate("INSERT INTO check_result (run_id, input_row_id, check_name, status, evidence)"
        + " VALUES (?,?,?,?,?)", checks);
    db.jdbc.batchUpdate("INSERT INTO finding (run_id, input_row_id, check_name, code, severity, message, reference)"
        + " VALUES (?,?,?,?,?, 'message', ?)", findings);
  }

  @Test
  void countsTakenWhileWritingEqualTheQueriesOverTheRun() throws Exception {
    RunTotals.Tally tally = new RunTotals.Tally();
    TopFindings top = new TopFindings();
    RunInfo run = RunInfo.load(db.jdbc, 1).orElseThrow();
    try (FastDeflateWorkbook workbook = new FastDeflateWorkbook(100, dir); LinkRecorder links = new LinkRecorder(dir)) {
      Palette palette = new Palette(workbook);
      new DomainsSheet(workbook, palette, run, WorkbookReport.EXCEL_MAX_ROWS).write(db.jdbc, tally);
      new FindingsSheet(workbook, palette, WorkbookReport.EXCEL_MAX_ROWS, links).write(db.jdbc, 1, top);
      new EvidenceSheet(workbook, palette, WorkbookReport.EXCEL_MAX_ROWS).write(db.jdbc, 1, tally);
    }
    RunTotals totals = RunTotals.load(db.jdbc, 1, tally);

    List<Object[]> overall = new ArrayList<>();
    db.jdbc.query("SELECT status, COUNT(*) FROM domain_result WHERE run_id = 1 GROUP BY status",
        rs -> { overall.add(new Object[] {rs.getString(1), rs.getLong(2)}); });
    assertThat(overall).hasSize(STATUSES.length);
    for (Object[] row : overall) {
      assertThat(totals.overall(Status.valueOf((String) row[0]))).as("overall %s", row[0]).isEqualTo(row[1]);
    }
    long scanned = db.jdbc.queryForObject("SELECT COUNT(*) FROM domain_result WHERE run_id = 1", Long.class);
    assertThat(totals.scanned()).isEqualTo(scanned).isGreaterThan(RowWindows.SIZE * 2L);

    List<Object[]> perCheck = new ArrayList<>();
    db.jdbc.query("SELECT check_name, status, COUNT(*) FROM check_result WHERE run_id = 1 GROUP BY check_name, status",
        rs -> { perCheck.add(new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)}); });
    assertThat(perCheck).hasSize(CHECKS.length * STATUSES.length);
    for (Object[] row : perCheck) {
      assertThat(totals.perCheck((String) row[0], Status.valueOf((String) row[1]))).as("%s %s", row[0], row[1])
          .isEqualTo(row[2]);
    }

    List<TopFindings.Row> expected = db.jdbc.query(
        "SELECT code, check_name, severity, COUNT(*), COUNT(DISTINCT input_row_id), MIN(reference)"
            + " FROM finding WHERE run_id = 1 GROUP BY code, check_name, severity"
            + " ORDER BY COUNT(*) DESC, COUNT(DISTINCT input_row_id) DESC, code, check_name, severity"
            + " FETCH FIRST " + TopFindings.LIMIT + " ROWS ONLY",
        (rs, n) -> new TopFindings.Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
            rs.getString(6)));
    assertThat(expected).hasSize(TopFindings.LIMIT);
    assertThat(expected.get(0).findings()).isGreaterThan(expected.get(0).domains()); // repeats on one domain
    assertThat(top.top()).containsExactlyElementsOf(expected);
  }
}
