package io.mailsweep.job.remote;

import io.mailsweep.store.Databases;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps a worker that is still scanning a partition of a job execution that has ended (its manager
 * died and {@code mailsweep restart} marked it failed and sent the partition again) from committing
 * beside the partition's new execution. Asked in each chunk's transaction before its results are
 * written; on PostgreSQL it holds a share lock on the job execution's row until that transaction
 * ends, so a restart that marks the execution failed waits for the chunk instead of racing it.
 */
public final class LiveJobGuard {
  private final JdbcTemplate jdbc;
  private final String query;

  public LiveJobGuard(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    boolean postgres = Databases.is(jdbc, "postgres");
    this.query = "SELECT STATUS, END_TIME FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?"
        + (postgres ? " FOR SHARE" : "");
  }

  /** @throws IllegalStateException unless job execution {@code id} is still running */
  public void check(long id) {
    List<String> states = jdbc.query(query, (rs, n) -> rs.getTimestamp(2) == null ? rs.getString(1) : "ENDED", id);
    String state = states.isEmpty() ? "GONE" : states.get(0);
    if (!state.equals("STARTED") && !state.equals("STARTING")) {
      throw new IllegalStateException("job execution " + id + " is " + state
          + "; this partition's results are not written (a restart of the run scans them again)");
    }
  }
}
