package io.mailsweep.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.store.RowWindows.Window;
import io.mailsweep.testing.db.StoredRuns;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Windows over a run's accepted input rows, against the application's schema in H2. */
class RowWindowsTest {
  private final StoredRuns db = new StoredRuns()
      .run(1, "nightly", "2026-11-01T02:00:00Z", "COMPLETED", null)
      .run(2, "other", "2026-11-01T02:00:00Z", "COMPLETED", null);

  private List<Window> windows(long run, int size) {
    List<Window> out = new ArrayList<>();
    RowWindows.of(db.jdbc, run, size).forEachRemaining(out::add);
    return out;
  }

  @Test
  void consecutiveWindowsOfAcceptedRowsShareTheirBoundsAndSkipOtherRunsAndRejectedRows() {
    db.domain(1, 1, "a.test", null).rejected(1, 2, "bad").domain(1, 3, "b.test", null)
        .domain(2, 4, "other.test", null).domain(1, 5, "c.test", null).domain(1, 6, "d.test", null)
        .domain(1, 7, "e.test", null).rejected(1, 8, "bad");

    assertThat(windows(1, 2)).containsExactly(new Window(Long.MIN_VALUE, 3), new Window(3, 6), new Window(6, 7));
    assertThat(windows(1, 5)).containsExactly(new Window(Long.MIN_VALUE, 7));
    assertThat(windows(1, 1)).hasSize(5);
    assertThat(windows(2, 2)).containsExactly(new Window(Long.MIN_VALUE, 4));
  }

  @Test
  void aFullLastWindowIsFollowedByNoEmptyOne() {
    db.domain(1, 1, "a.test", null).domain(1, 2, "b.test", null);

    assertThat(windows(1, 2)).containsExactly(new Window(Long.MIN_VALUE, 2));
    assertThat(windows(1, 1)).containsExactly(new Window(Long.MIN_VALUE, 1), new Window(1, 2));
  }

  @Test
  void aRunWithoutAcceptedRowsHasNoWindows() {
    db.rejected(1, 1, "bad");

    assertThat(windows(1, 10)).isEmpty();
    assertThat(windows(3, 10)).isEmpty();
  }

  @Test
  void h2ReadsEachWindowStraightFromTheIndex() {
    db.domain(1, 1, "a.test", null);
    String plan = db.jdbc.queryForObject("EXPLAIN " + RowWindows.NEXT, String.class, 1, 0, 1000);

    assertThat(plan).contains("INPUT_ROW_SCAN").contains("/* index sorted */");
  }
}
