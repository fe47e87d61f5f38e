package io.mailsweep.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mailsweep.store.ImportedRow.Disposition;
import io.mailsweep.testing.db.ScratchPostgres;
import io.mailsweep.testing.db.StoredRuns;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The import's duplicate marking, on H2 and on PostgreSQL (each with a statement of its own): the
 * first accepted line of a domain stays, later ones name it; rejected lines, other domains and
 * other runs are untouched; marking again changes nothing.
 */
class MarkDuplicatesTest {
  private static final List<String> EXPECTED = List.of(
      "1 a.test ACCEPTED null", "2 b.test ACCEPTED null", "3 a.test DUPLICATE duplicate of line 1",
      "4 null REJECTED not a domain", "5 a.test DUPLICATE duplicate of line 1",
      "6 b.test DUPLICATE duplicate of line 2", "7 c.test ACCEPTED null");

  @Test
  void onH2() {
    assertMarks(new StoredRuns());
  }

  @Test
  void onPostgresql() {
    assumeTrue(ScratchPostgres.reachable(), "no PostgreSQL on 127.0.0.1:5432");
    try (ScratchPostgres pg = ScratchPostgres.create("mailsweep_duplicates")) {
      assertMarks(new StoredRuns(pg.dataSource(), "postgresql"));
    }
  }

  private static void assertMarks(StoredRuns db) {
    db.run(1, "nightly", "2026-11-01T02:00:00Z", "STARTED", null);
    db.run(2, "nightly", "2026-11-02T02:00:00Z", "STARTED", null);
    InputRowRepository rows = new InputRowRepository(db.jdbc);
    rows.insert(1, List.of(row(1, "a.test"), row(2, "b.test"), row(3, "a.test"),
        new ImportedRow(4, "10.0.0.1", null, Disposition.REJECTED, "not a domain", null),
        row(5, "a.test"), row(6, "b.test"), row(7, "c.test")));
    rows.insert(2, List.of(row(1, "c.test"), row(2, "a.test")));

    assertThat(rows.markDuplicates(1)).isEqualTo(3);
    assertThat(rows.markDuplicates(1)).as("again").isZero();
    assertThat(rows.markDuplicates(2)).isZero();

    assertThat(lines(db, 1)).containsExactlyElementsOf(EXPECTED);
    assertThat(lines(db, 2)).containsExactly("1 c.test ACCEPTED null", "2 a.test ACCEPTED null");
  }

  private static ImportedRow row(long line, String domain) {
    return new ImportedRow(line, domain, domain, Disposition.ACCEPTED, null, null);
  }

  private static List<String> lines(StoredRuns db, long run) {
    return db.jdbc.query("SELECT line_no, domain, disposition, reason FROM input_row WHERE run_id = ? ORDER BY line_no",
        (rs, n) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4), run);
  }
}
