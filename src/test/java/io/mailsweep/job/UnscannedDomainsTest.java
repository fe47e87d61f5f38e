package io.mailsweep.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.testing.db.StoredRuns;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scan step's source of work, against the application's schema in H2. */
class UnscannedDomainsTest {
  private final StoredRuns db = new StoredRuns()
      .run(1, "nightly", "2026-11-01T02:00:00Z", "STARTED", null)
      .run(2, "other", "2026-11-01T02:00:00Z", "STARTED", null);

  private static List<Long> ids(List<ScanItem> page) {
    return page.stream().map(ScanItem::inputRowId).toList();
  }

  @Test
  void offersOnlyAcceptedRowsOfItsRangeWithoutAResultInIdOrder() {
    db.domain(1, 1, "a.test", null).domain(1, 2, "b.test", "PASS").rejected(1, 3, "not a domain")
        .domain(1, 4, "c.test", null).domain(2, 5, "other-run.test", null).domain(1, 6, "d.test", null)
        .domain(1, 7, "outside.test", null);
    UnscannedDomains source = new UnscannedDomains(db.jdbc, 1, 1, 6);

    assertThat(ids(source.page(Long.MIN_VALUE, 10))).containsExactly(1L, 4L, 6L);
    assertThat(ids(source.page(Long.MIN_VALUE, 2))).containsExactly(1L, 4L);
    assertThat(ids(source.page(4, 2))).containsExactly(6L);
    assertThat(ids(source.page(6, 2))).isEmpty();
    assertThat(source.page(Long.MIN_VALUE, 1).get(0).domain()).isEqualTo("a.test");
  }

  @Test
  void h2ReadsThePageStraightFromTheIndexInsteadOfSortingTheRestOfThePartition() {
    db.domain(1, 1, "a.test", null);
    String plan = db.jdbc.queryForObject("EXPLAIN " + UnscannedDomains.PAGE, String.class, 1, 1, 1_000_000, 0, 500);

    assertThat(plan).contains("INPUT_ROW_SCAN").contains("/* index sorted */");
  }
}
