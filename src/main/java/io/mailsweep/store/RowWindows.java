package io.mailsweep.store;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A run's accepted input rows as consecutive windows of ids, each holding up to {@link #SIZE} rows:
 * the way to read a whole run in input order without having the database sort it.
 *
 * <p>A query ordered over a whole run (its domains joined with their check results, say) makes
 * the database sort every row before it returns the first, in a temporary file at a million domains
 * (1.7 GB for one of the report's queries). Restricted to a window, {@code id > after AND id <=
 * last}, the same query reads an index range and sorts a few thousand rows in memory. The windows
 * themselves come from the {@code input_row_scan} index (run, disposition, id), read in its own
 * order: each costs one short query whatever the size of the run (keyset paging).
 *
 * <p>Consecutive windows share their bounds (the next one starts after the last id of the
 * previous), so together they cover every id from the first accepted row to the last: rows joined
 * by input row id (check results, findings) fall in exactly one window.
 */
public final class RowWindows implements Iterator<RowWindows.Window> {

  /** Accepted input rows per window. */
  public static final int SIZE = 1_000;

  static final String NEXT = """
      SELECT id FROM input_row
      WHERE run_id = ? AND disposition = 'ACCEPTED' AND id > ?
      ORDER BY run_id, disposition, id
      LIMIT ?""";

  /** The input row ids {@code after < id <= last}. */
  public record Window(long after, long last) {}

  private final JdbcTemplate jdbc;
  private final long runId;
  private final int size;
  private long after;
  private Window next;
  private boolean done;

  private RowWindows(JdbcTemplate jdbc, long runId, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("window size must be positive, was " + size);
    }
    this.jdbc = jdbc;
    this.runId = runId;
    this.size = size;
    this.after = Long.MIN_VALUE;
  }

  /** The windows of run {@code runId}'s accepted rows, in id order; none for a run without any. */
  public static RowWindows of(JdbcTemplate jdbc, long runId) {
    return new RowWindows(jdbc, runId, SIZE);
  }

  /** As {@link #of(JdbcTemplate, long)} with {@code size} rows per window. */
  public static RowWindows of(JdbcTemplate jdbc, long runId, int size) {
    return new RowWindows(jdbc, runId, size);
  }

  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      List<Long> ids = jdbc.queryForList(NEXT, Long.class, runId, after, size);
      if (ids.isEmpty()) {
        done = true;
      } else {
        next = new Window(after, ids.get(ids.size() - 1));
        after = next.last();
        done = ids.size() < size;
      }
    }
    return next != null;
  }

  @Override
  public Window next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Window window = next;
    next = null;
    return window;
  }
}
