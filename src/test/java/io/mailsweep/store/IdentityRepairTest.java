package io.mailsweep.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.testing.db.StoredRuns;
import org.junit.jupiter.api.Test;

class IdentityRepairTest {
  private final StoredRuns db = new StoredRuns();

  @Test
  void identitiesContinuePastRowsStoredWithExplicitIdsAsAfterALostIdentityCache() {
    // Rows with ids the identity generator has not handed out: what H2 was seen to forget after a kill.
    db.run(7, "nightly", "2026-11-29T02:00:00Z", "STARTED", null)
        .domain(7, 70, "d.test", "PASS").check(7, 70, "spf", "PASS", "ok", null)
        .finding(7, 70, "spf", "SPF_SOFTFAIL_ALL").server(7, "mx.test", "127.0.25.1", "CN=mx", null);
    db.jdbc.update("INSERT INTO access_server (id, run_id, host, address, port, service, tls) VALUES (40, 7,"
        + " 'imap.test', '127.0.31.1', 993, 'imaps', 'implicit TLS')");
    Long checkId = db.jdbc.queryForObject("SELECT MAX(id) FROM check_result", Long.class);

    assertThat(new IdentityRepair(db.jdbc).afterCrash()).isEqualTo(IdentityRepair.TABLES.size());

    db.jdbc.update("INSERT INTO check_result (run_id, input_row_id, check_name, status) VALUES (7, 70, 'dmarc',"
        + " 'PASS')");
    Long next = db.jdbc.queryForObject("SELECT id FROM check_result WHERE check_name = 'dmarc'", Long.class);
    assertThat(next).isGreaterThan(checkId);
    db.jdbc.update("INSERT INTO scan_run (job_name, input_file, input_sha256, resolvers, checks, parameters,"
        + " tool_version, started_at, status) SELECT job_name, input_file, input_sha256, resolvers, checks,"
        + " parameters, tool_version, started_at, status FROM scan_run WHERE id = 7");
    assertThat(db.jdbc.queryForObject("SELECT MAX(id) FROM scan_run", Long.class)).isEqualTo(8L);
    db.jdbc.update("INSERT INTO access_server (run_id, host, address, port, service, tls) VALUES (7, 'imap.test',"
        + " '127.0.31.1', 143, 'imap', 'STARTTLS')");
    assertThat(db.jdbc.queryForObject("SELECT MAX(id) FROM access_server", Long.class)).isEqualTo(41L);
  }

  @Test
  void anEmptyDatabaseIsLeftAlone() {
    assertThat(new IdentityRepair(db.jdbc).afterCrash()).isZero();
  }
}
