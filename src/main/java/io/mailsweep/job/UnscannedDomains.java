package io.mailsweep.job;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The accepted domains of one partition's id range that have no committed result in the run, a
 * page at a time in id order (keyset paging: each page starts after the last id of the previous
 * one, so a page costs the same at the end of a million rows as at the start).
 *
 * <p>The ORDER BY names the columns of the {@code input_row_scan} index (run, disposition, id)
 * although the first two are fixed by the WHERE clause: H2 then reads the index in order and stops
 * after the page; ordered by {@code id} alone it fetched and sorted every remaining row of the
 * partition for each page, which made a million-domain scan quadratic.
 */
final class UnscannedDomains implements WindowedScanReader.Source {
  static final String PAGE = """
      SELECT i.id, i.domain, i.extras FROM input_row i
      WHERE i.run_id = ? AND i.disposition = 'ACCEPTED' AND i.id BETWEEN ? AND ? AND i.id > ?
        AND NOT EXISTS (SELECT 1 FROM domain_result r WHERE r.input_row_id = i.id)
      ORDER BY i.run_id, i.disposition, i.id
      LIMIT ?""";

  private final JdbcTemplate jdbc;
  private final long runId;
  private final long minId;
  private final long maxId;

  UnscannedDomains(JdbcTemplate jdbc, long runId, long minId, long maxId) {
    this.jdbc = jdbc;
    this.runId = runId;
    this.minId = minId;
    this.maxId = maxId;
  }

  @Override
  public List<ScanItem> page(long afterId, int limit) {
    return jdbc.query(PAGE,
        (rs, i) -> new ScanItem(rs.getLong("id"), rs.getString("domain"), rs.getString("extras")),
        runId, minId, maxId, afterId, limit);
  }
}
