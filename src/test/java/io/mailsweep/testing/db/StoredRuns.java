package io.mailsweep.testing.db;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database migrated like the application's (mailsweep's tables and the Spring Batch job
 * repository): a fresh in-memory H2 one, or one the test brings; with helpers that insert stored
 * runs row by row.
 */
public final class StoredRuns {
  public final DataSource dataSource;
  public final JdbcTemplate jdbc;

  public StoredRuns() {
    this(h2(), "h2");
  }

  /** Migrates {@code db} with the job repository's schema for {@code vendor} (h2, postgresql). */
  public StoredRuns(DataSource db, String vendor) {
    Flyway.configure().dataSource(db).locations("classpath:db/migration", "classpath:db/batch/" + vendor).load()
        .migrate();
    this.dataSource = db;
    this.jdbc = new JdbcTemplate(db);
  }

  private static DataSource h2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:runs-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return h2;
  }

  /** A run of {@code job} started at {@code started} (ISO-8601 instant), with status and report file. */
  public StoredRuns run(long id, String job, String started, String status, String reportFile) {
    jdbc.update("INSERT INTO scan_run (id, job_name, input_file, input_sha256, resolvers, checks, parameters,"
        + " tool_version, started_at, finished_at, status, report_file, domains_scanned, domains_inconclusive)"
        + " VALUES (?, ?, '/in.csv', ?, '127.0.0.1', 'spf,dmarc,mtasts', 'x=1', '0.1.0',"
        + " CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE), ?, ?, 3, 1)",
        id, job, "ab".repeat(32), started, status.equals("STARTED") ? null : started, status, reportFile);
    return this;
  }

  /** An accepted input row (id also its line number) and, unless {@code overall} is null, its result. */
  public StoredRuns domain(long run, long row, String domain, String overall) {
    jdbc.update("INSERT INTO input_row (id, run_id, line_no, raw_value, domain, disposition) VALUES (?,?,?,?,?,"
        + "'ACCEPTED')", row, run, row, domain, domain);
    if (overall != null) {
      jdbc.update("INSERT INTO domain_result (input_row_id, run_id, domain, status, scanned_at, duration_ms)"
          + " VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, 5)", row, run, domain, overall);
    }
    return this;
  }

  public StoredRuns rejected(long run, long row, String raw) {
    jdbc.update("INSERT INTO input_row (id, run_id, line_no, raw_value, disposition, reason) VALUES (?,?,?,?,"
        + "'REJECTED', 'bad')", row, run, row, raw);
    return this;
  }

  public StoredRuns check(long run, long row, String check, String status, String summary, String attributes) {
    jdbc.update("INSERT INTO check_result (run_id, input_row_id, check_name, status, summary, attributes)"
        + " VALUES (?,?,?,?,?,?)", run, row, check, status, summary, attributes);
    return this;
  }

  public StoredRuns finding(long run, long row, String check, String code) {
    jdbc.update("INSERT INTO finding (run_id, input_row_id, check_name, code, severity, message) VALUES"
        + " (?,?,?,?, 'MEDIUM', 'message')", run, row, check, code);
    return this;
  }

  public StoredRuns server(long run, String host, String address, String subject, String notAfter) {
    jdbc.update("INSERT INTO mail_server (run_id, host, address, port, starttls, subject, issuer, not_after)"
        + " VALUES (?,?,?,25,'yes',?,?,?)", run, host, address, subject, subject == null ? null : "CN=Lab CA",
        notAfter);
    return this;
  }

  public long count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }
}
