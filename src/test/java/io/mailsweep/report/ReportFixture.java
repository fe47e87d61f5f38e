package io.mailsweep.report;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A migrated in-memory H2 database holding one small realistic run (id 1) with checks spf,dmarc and
 * carried columns vendor,owner, plus an unrelated run (id 2) that must never show in run 1's report.
 *
 * <p>Run 1's input: line 1 is the header; 2 PASS; 3 FAIL (formula-looking vendor); 4 INCONCLUSIVE
 * (control character in vendor); 5 duplicate of 2; 6 rejected; 7 PASS with a 40,000-character
 * owner; 8 accepted but not scanned.
 */
final class ReportFixture {

  static final String FORMULA_VENDOR = "=HYPERLINK(\"http://x\",\"y\")";
  static final String LONG_OWNER = "o".repeat(40_000);

  final DataSource dataSource;
  final JdbcTemplate jdbc;

  ReportFixture() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:report-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
    this.dataSource = h2;
    this.jdbc = new JdbcTemplate(h2);
    // The schema caps extras at 16,000 characters; widened here to prove the report itself
    // enforces Excel's 32,767-character cell limit rather than relying on column sizes.
    jdbc.execute("ALTER TABLE input_row ALTER COLUMN extras SET DATA TYPE VARCHAR(100000)");
    insertRuns();
    insertInput();
    insertResults();
    insertFindings();
  }

  private void insertRuns() {
    String sql = "INSERT INTO scan_run (id, job_name, input_file, input_sha256, domain_column,"
        + " extra_columns, resolvers, resolver_health, checks, parameters, tool_version,"
        + " started_at, finished_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        + " CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE), ?)";
    jdbc.update(sql, 1, "vendor-audit", "/data/vendors.csv", "ab".repeat(32), "domain",
        "vendor,owner", "9.9.9.9,1.1.1.1", "OK: 2/2 canaries answered", "spf,dmarc", "{}",
        "0.1.0", "2025-03-01 10:00:00+01:00", "2025-03-01 10:05:30+01:00", "COMPLETED");
    jdbc.update(sql, 2, "other", "/data/other.csv", "cd".repeat(32), "domain", null,
        "9.9.9.9", null, "spf", "{}", "0.1.0", "2025-03-02 10:00:00+00:00", null, "STARTED");
  }

  private void insertInput() {
    input(2, 1, "example.com", "example.com", "ACCEPTED", null, "Acme,alice");
    input(3, 1, "bad.example", "bad.example", "ACCEPTED", null,
        "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",bob");
    input(4, 1, "slow.example", "slow.example", "ACCEPTED", null, "Ctrl\u0000Corp,carol");
    input(5, 1, "EXAMPLE.com", "example.com", "DUPLICATE", "duplicate of line 2", "Acme,dave");
    input(6, 1, "not a domain!", null, "REJECTED", "invalid character ' '", "Beta,erin");
    input(7, 1, "long.example", "long.example", "ACCEPTED", null, "Gamma," + LONG_OWNER);
    input(8, 1, "late.example", "late.example", "ACCEPTED", null, "Delta,frank");
    input(102, 2, "other.example", "other.example", "ACCEPTED", null, null);
  }

  private void insertResults() {
    domain(2, 1, "example.com", "PASS", null);
    check(2, 1, "spf", "PASS", "v=spf1 -all", null);
    check(2, 1, "dmarc", "PASS", "p=reject", null);
    domain(3, 1, "bad.example", "FAIL", null);
    check(3, 1, "spf", "FAIL", "+all permits every sender", null);
    check(3, 1, "dmarc", "FAIL", "-no DMARC record", null);
    domain(4, 1, "slow.example", "INCONCLUSIVE", null);
    check(4, 1, "spf", "INCONCLUSIVE", "@ evidence: none", "DNS timeout after 3 tries");
    check(4, 1, "dmarc", "INCONCLUSIVE", null, "SERVFAIL from all resolvers");
    domain(7, 1, "long.example", "PASS", null);
    check(7, 1, "spf", "PASS", "v=spf1 mx -all", null);
    check(7, 1, "dmarc", "NOT_APPLICABLE", "not required by profile", null);
    domain(102, 2, "other.example", "FAIL", null);
    check(102, 2, "spf", "FAIL", "other run", null);
  }

  private void insertFindings() {
    finding(3, "spf", "SPF_PLUS_ALL", "HIGH", "+all lets any host send as bad.example");
    finding(3, "dmarc", "DMARC_MISSING", "HIGH", "-no DMARC record at _dmarc.bad.example");
    finding(2, "dmarc", "DMARC_NO_RUA", "LOW", "Bell\u0007 no aggregate reports requested");
    finding(102, "spf", "OTHER_RUN", "LOW", "must not appear");
  }

  private void input(long line, long run, String raw, String domain, String disposition,
      String reason, String extras) {
    jdbc.update("INSERT INTO input_row (id, run_id, line_no, raw_value, domain, disposition,"
        + " reason, extras) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        line, run, line, raw, domain, disposition, reason, extras);
  }

  private void domain(long row, long run, String domain, String status, String reason) {
    jdbc.update("INSERT INTO domain_result (input_row_id, run_id, domain, status, reason,"
        + " scanned_at, duration_ms) VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP, 12)",
        row, run, domain, status, reason);
  }

  private void check(long row, long run, String name, String status, String summary,
      String reason) {
    jdbc.update("INSERT INTO check_result (run_id, input_row_id, check_name, status, summary,"
        + " reason) VALUES (?, ?, ?, ?, ?, ?)", run, row, name, status, summary, reason);
  }

  private void finding(long row, String check, String code, String severity, String message) {
    long run = row > 100 ? 2 : 1;
    jdbc.update("INSERT INTO finding (run_id, input_row_id, check_name, code, severity, message,"
        + " remediation, reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        run, row, check, code, severity, message, "Fix " + code, "RFC 7489");
  }
}
