package io.mailsweep.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsweep.job.RunParameters;
import io.mailsweep.testing.db.StoredRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunPrunerTest {
  @TempDir Path dir;
  private final StoredRuns db = new StoredRuns();

  /**
   * A run with one domain, a check, a finding, its finding text, a mail server, an access server, a
   * probe claim and a Spring Batch job instance.
   */
  private void run(long id, String job, int day, String status, String report) {
    db.run(id, job, "2026-11-%02dT02:00:00Z".formatted(day), status, report)
        .domain(id, id * 10, "d" + id + ".test", "PASS").check(id, id * 10, "spf", "PASS", "ok", null)
        .finding(id, id * 10, "spf", "SPF_SOFTFAIL_ALL").server(id, "mx.test", "127.0.25.1", "CN=mx", null);
    db.jdbc.update("INSERT INTO access_server (run_id, host, address, port, service, tls) VALUES (?, 'imap.test',"
        + " '127.0.31.1', 993, 'imaps', 'implicit TLS')", id);
    db.jdbc.update("INSERT INTO probe_claim (run_id, address, port, worker, claimed_at) VALUES (?, '127.0.25.1', 25,"
        + " 'lab/1', CURRENT_TIMESTAMP)", id);
    db.jdbc.update("INSERT INTO finding_text (run_id, code, remediation, reference) VALUES (?, 'SPF_SOFTFAIL_ALL',"
        + " 'End with -all.', 'RFC 7208 §5.1')", id);
    db.jdbc.update("INSERT INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY) VALUES (?, 0,"
        + " 'scanJob', ?)", id, "key" + id);
    db.jdbc.update("INSERT INTO BATCH_JOB_EXECUTION (JOB_EXECUTION_ID, VERSION, JOB_INSTANCE_ID, CREATE_TIME,"
        + " STATUS) VALUES (?, 0, ?, CURRENT_TIMESTAMP, 'COMPLETED')", id, id);
    db.jdbc.update("INSERT INTO BATCH_JOB_EXECUTION_PARAMS VALUES (?, 'run.id', 'java.lang.Long', ?, 'Y')", id,
        Long.toString(id));
    db.jdbc.update("INSERT INTO BATCH_JOB_EXECUTION_PARAMS VALUES (?, 'job.name', 'java.lang.String', ?, 'N')", id,
        job);
    db.jdbc.update("INSERT INTO BATCH_JOB_EXECUTION_CONTEXT VALUES (?, '{}', NULL)", id);
    db.jdbc.update("INSERT INTO BATCH_STEP_EXECUTION (STEP_EXECUTION_ID, VERSION, STEP_NAME, JOB_EXECUTION_ID,"
        + " CREATE_TIME) VALUES (?, 0, 'scanDomains', ?, CURRENT_TIMESTAMP)", id, id);
    db.jdbc.update("INSERT INTO BATCH_STEP_EXECUTION_CONTEXT VALUES (?, '{}', NULL)", id);
  }

  private String report(String name) throws Exception {
    return Files.writeString(dir.resolve(name), "x").toString();
  }

  private List<Long> runs() {
    return db.jdbc.queryForList("SELECT id FROM scan_run ORDER BY id", Long.class);
  }

  @Test
  void deletesTheOldestRunsBeyondKeepWithAllTheirRowsAndTheirBatchInstance() {
    run(1, "nightly", 1, "COMPLETED", dir.resolve("deleted-report.xlsx").toString());
    run(2, "nightly", 2, "FAILED", null);
    run(3, "nightly", 3, "COMPLETED", null);
    run(4, "nightly", 4, "COMPLETED", null);
    run(5, "other", 1, "COMPLETED", null);
    RunPruner.Pruned pruned = new RunPruner(db.dataSource).prune("nightly", 2, 4);
    assertThat(pruned.deleted()).containsExactly(2L, 1L);
    assertThat(pruned.keptForReports()).isEmpty();
    assertThat(runs()).containsExactly(3L, 4L, 5L);
    for (String table : List.of("input_row", "domain_result", "check_result", "finding", "mail_server",
        "access_server", "probe_claim", "finding_text")) {
      assertThat(db.jdbc.queryForList("SELECT DISTINCT run_id FROM " + table + " ORDER BY run_id", Long.class))
          .as(table).containsExactly(3L, 4L, 5L);
    }
    for (String table : List.of("BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION", "BATCH_STEP_EXECUTION",
        "BATCH_STEP_EXECUTION_CONTEXT", "BATCH_JOB_EXECUTION_CONTEXT")) {
      assertThat(db.count(table)).as(table).isEqualTo(3);
    }
    assertThat(db.count("BATCH_JOB_EXECUTION_PARAMS")).isEqualTo(6);
  }

  @Test
  void keepsRunsAReportOnDiskRefersToAndRunsNotFinished() throws Exception {
    run(1, "nightly", 1, "COMPLETED", null);
    run(2, "nightly", 2, "COMPLETED", null);
    run(3, "nightly", 3, "FAILED", report("failed-run.xlsx"));
    run(4, "nightly", 4, "STARTED", null);
    run(5, "nightly", 5, "COMPLETED", null);
    run(6, "nightly", 6, "COMPLETED", report("run6.xlsx"));
    // Run 3's report refers to run 3 and to run 2, the run it was compared with; run 4 may still be
    // running; run 6's report refers to run 5, which is among the newest anyway.
    RunPruner.Pruned pruned = new RunPruner(db.dataSource).prune("nightly", 1, 6);
    assertThat(pruned.deleted()).containsExactly(1L);
    assertThat(pruned.keptForReports()).containsExactly(5L, 4L, 3L, 2L);
    assertThat(runs()).containsExactly(2L, 3L, 4L, 5L, 6L);
  }

  @Test
  void aReportPathWrittenAgainBelongsToTheNewestRunThatRecordedIt() throws Exception {
    String sameDay = report("mailsweep-report-2026-11-29.xlsx");
    run(1, "nightly", 1, "COMPLETED", sameDay);
    run(2, "nightly", 2, "COMPLETED", null);
    run(3, "nightly", 3, "COMPLETED", sameDay);
    RunPruner.Pruned pruned = new RunPruner(db.dataSource).prune("nightly", 1, 3);
    assertThat(pruned.deleted()).containsExactly(1L);
    assertThat(pruned.keptForReports()).containsExactly(2L);
  }

  @Test
  void neverDeletesTheRunJustWrittenNorAnythingWithNothingToPrune() {
    run(1, "nightly", 5, "COMPLETED", null);
    run(2, "nightly", 1, "COMPLETED", null);
    assertThat(new RunPruner(db.dataSource).prune("nightly", 1, 2).deleted()).isEmpty();
    assertThat(new RunPruner(db.dataSource).prune("nobody", 3, 2).deleted()).isEmpty();
    assertThat(runs()).containsExactly(1L, 2L);
    assertThatThrownBy(() -> new RunPruner(db.dataSource).prune("nightly", 0, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theBatchParameterIsTheRunIdParameterOfTheJob() {
    assertThat(RunPruner.BATCH_RUN_PARAMETER).isEqualTo(RunParameters.RUN_ID);
  }
}
