package io.mailsweep.store;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Runs as history: the listing, and which earlier run a run is compared with. */
public final class RunHistory {
  /** The most runs one listing returns. */
  public static final int MAX_LIMIT = 10_000;

  private final JdbcTemplate jdbc;
  private final RunRepository runs;

  public RunHistory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.runs = new RunRepository(jdbc);
  }

  /** The newest {@code limit} runs (1 to {@link #MAX_LIMIT}), of job {@code jobName} or of all jobs if null. */
  public List<ScanRun> list(String jobName, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("the limit must be between 1 and " + MAX_LIMIT);
    }
    List<Long> ids = jobName == null
        ? jdbc.queryForList("SELECT id FROM scan_run ORDER BY started_at DESC, id DESC LIMIT ?", Long.class, limit)
        : jdbc.queryForList("SELECT id FROM scan_run WHERE job_name = ? ORDER BY started_at DESC, id DESC LIMIT ?",
            Long.class, jobName, limit);
    return ids.stream().map(runs::find).flatMap(Optional::stream).toList();
  }

  public Optional<ScanRun> find(long runId) {
    return runs.find(runId);
  }

  /**
   * The run that run {@code runId} is compared with: the newest COMPLETED run of the same job
   * that started before it (ties on the start time broken by the lower id).
   */
  public Optional<ScanRun> previous(long runId) {
    return runs.find(runId).flatMap(run -> {
      OffsetDateTime started = run.startedAt().atOffset(ZoneOffset.UTC);
      List<Long> ids = jdbc.queryForList("SELECT id FROM scan_run WHERE job_name = ? AND status = 'COMPLETED'"
          + " AND id <> ? AND (started_at < ? OR (started_at = ? AND id < ?))"
          + " ORDER BY started_at DESC, id DESC LIMIT 1", Long.class, run.jobName(), runId, started, started, runId);
      return ids.stream().findFirst().flatMap(runs::find);
    });
  }
}
