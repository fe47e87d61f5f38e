package io.mailsweep.store;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention: deletes the oldest runs of a job beyond the newest {@code keep}, with all their rows
 * and their Spring Batch job instance, in one transaction. Never deleted:
 *
 * <ul>
 *   <li>the newest {@code keep} runs of the job, and the run just written;
 *   <li>a run still STARTED (it may be running, or waiting for {@code restart});
 *   <li>a run whose report file still exists: the report refers to it (a path two runs recorded
 *       is the newest one's report);
 *   <li>the run such a report was compared with (its Changes sheet refers to it): the newest
 *       COMPLETED run of the job started before it, as {@link RunHistory#previous} chooses.
 * </ul>
 *
 * So a job whose reports all stay on disk keeps all its runs; deleting or moving old reports lets
 * their runs go at the next pruning. Report paths are checked on this machine.
 */
public final class RunPruner {
  /** The identifying job parameter of a run's Spring Batch job instance (RunParameters.RUN_ID). */
  static final String BATCH_RUN_PARAMETER = "run.id";

  /** What one pruning did. @param keptForReports older runs kept because a report refers to them (or STARTED) */
  public record Pruned(List<Long> deleted, List<Long> keptForReports) {}

  private record Run(long id, String status, String reportFile) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  public RunPruner(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  /**
   * @param keep runs of the job to keep, at least 1
   * @param current the run just written, never deleted
   */
  public Pruned prune(String jobName, int keep, long current) {
    if (keep < 1) {
      throw new IllegalArgumentException("keep-runs must be 1 or more, was " + keep);
    }
    List<Run> newestFirst = jdbc.query("SELECT id, status, report_file FROM scan_run WHERE job_name = ?"
        + " ORDER BY started_at DESC, id DESC", (rs, n) -> new Run(rs.getLong(1), rs.getString(2), rs.getString(3)),
        jobName);
    Set<Long> referenced = referencedByReports(newestFirst);
    List<Long> deleted = new ArrayList<>();
    List<Long> kept = new ArrayList<>();
    for (int i = keep; i < newestFirst.size(); i++) {
      Run r = newestFirst.get(i);
      boolean protect = r.id() == current || r.status().equals("STARTED") || referenced.contains(r.id());
      (protect ? kept : deleted).add(r.id());
    }
    if (!deleted.isEmpty()) {
      transaction.executeWithoutResult(tx -> deleted.forEach(this::delete));
    }
    return new Pruned(List.copyOf(deleted), List.copyOf(kept));
  }

  /**
   * Runs with a report on disk, and the run each of those was compared with. A report path
   * recorded by several runs (a date-named file deleted, then written again by a later run)
   * belongs to the newest of them only: reports are never written over another run's file.
   */
  private static Set<Long> referencedByReports(List<Run> newestFirst) {
    Set<String> claimed = new HashSet<>();
    Set<Long> owners = new HashSet<>();
    for (Run r : newestFirst) {
      if (r.reportFile() != null && claimed.add(r.reportFile()) && reportExists(r.reportFile())) {
        owners.add(r.id());
      }
    }
    Set<Long> out = new LinkedHashSet<>();
    Long base = null;
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      Run r = newestFirst.get(i);
      if (owners.contains(r.id())) {
        out.add(r.id());
        if (base != null) {
          out.add(base);
        }
      }
      if (r.status().equals("COMPLETED")) {
        base = r.id();
      }
    }
    return out;
  }

  /** A path this machine cannot even parse might be another machine's: counted as existing. */
  private static boolean reportExists(String file) {
    if (file == null || file.isBlank()) {
      return false;
    }
    try {
      return Files.exists(Path.of(file));
    } catch (InvalidPathException e) {
      return true;
    }
  }

  /**
   * Children first, by run id (each has an index leading with run_id), so that the cascades of
   * the last two deletes find nothing left to delete.
   */
  private void delete(long runId) {
    for (String table : List.of("finding", "check_result", "domain_result", "mail_server", "access_server",
        "probe_claim", "finding_text", "input_row")) {
      jdbc.update("DELETE FROM " + table + " WHERE run_id = ?", runId);
    }
    jdbc.update("DELETE FROM scan_run WHERE id = ?", runId);
    List<Long> instances = jdbc.queryForList("SELECT DISTINCT e.JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION e"
        + " JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID"
        + " WHERE p.PARAMETER_NAME = ? AND p.IDENTIFYING = 'Y' AND p.PARAMETER_VALUE = ?",
        Long.class, BATCH_RUN_PARAMETER, Long.toString(runId));
    instances.forEach(this::deleteJobInstance);
  }

  private void deleteJobInstance(long instance) {
    String executions = "SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = ?";
    jdbc.update("DELETE FROM BATCH_STEP_EXECUTION_CONTEXT WHERE STEP_EXECUTION_ID IN (SELECT STEP_EXECUTION_ID"
        + " FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID IN (" + executions + "))", instance);
    jdbc.update("DELETE FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID IN (" + executions + ")", instance);
    jdbc.update("DELETE FROM BATCH_JOB_EXECUTION_CONTEXT WHERE JOB_EXECUTION_ID IN (" + executions + ")", instance);
    jdbc.update("DELETE FROM BATCH_JOB_EXECUTION_PARAMS WHERE JOB_EXECUTION_ID IN (" + executions + ")", instance);
    jdbc.update("DELETE FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = ?", instance);
    jdbc.update("DELETE FROM BATCH_JOB_INSTANCE WHERE JOB_INSTANCE_ID = ?", instance);
  }
}
