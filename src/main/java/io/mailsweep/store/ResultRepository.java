package io.mailsweep.store;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.Finding;
import io.mailsweep.check.access.AccessServer;
import io.mailsweep.check.transport.MailServer;
import io.mailsweep.scan.DomainScan;
import io.mailsweep.scan.ScannedDomain;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes scan results: one domain_result, one check_result per check, and the findings (their
 * remediation and reference NULL where they are the run's {@link FindingTexts}).
 */
public final class ResultRepository {
  /** Column bounds of the schema; longer texts are cut with a marker. */
  private static final int MAX_EVIDENCE = 65_000;
  private static final int MAX_SHORT = 2_000;
  private static final int MAX_MESSAGE = 4_000;

  private record CheckRow(long runId, long inputRowId, CheckResult result) {}

  private record FindingRow(long runId, long inputRowId, String check, Finding finding) {}

  private final JdbcTemplate jdbc;
  private final MailServerRepository servers;
  private final AccessServerRepository accessServers;
  private final Map<Long, FindingTexts> texts = new ConcurrentHashMap<>();

  public ResultRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.servers = new MailServerRepository(jdbc);
    this.accessServers = new AccessServerRepository(jdbc);
  }

  /** Saves a chunk of results in the caller's transaction. */
  public void save(long runId, List<ScannedDomain> domains) {
    List<CheckRow> checks = new ArrayList<>();
    List<FindingRow> findings = new ArrayList<>();
    List<MailServer> mailServers = new ArrayList<>();
    List<AccessServer> access = new ArrayList<>();
    for (ScannedDomain d : domains) {
      for (CheckResult r : d.scan().results()) {
        checks.add(new CheckRow(runId, d.inputRowId(), r));
        mailServers.addAll(r.servers());
        access.addAll(r.accessServers());
        r.findings().forEach(f -> findings.add(new FindingRow(runId, d.inputRowId(), r.check(), f)));
      }
    }
    insertDomains(runId, domains);
    insertChecks(checks);
    insertFindings(texts.computeIfAbsent(runId, id -> FindingTexts.of(jdbc, id)), findings);
    servers.save(runId, mailServers);
    accessServers.save(runId, access);
  }

  private void insertDomains(long runId, List<ScannedDomain> domains) {
    jdbc.batchUpdate(
        "INSERT INTO domain_result (input_row_id, run_id, domain, status, reason, scanned_at, duration_ms)"
            + " VALUES (?,?,?,?,?,?,?)",
        domains, domains.size(), (ps, d) -> {
          DomainScan s = d.scan();
          ps.setLong(1, d.inputRowId());
          ps.setLong(2, runId);
          ps.setString(3, s.domain().text());
          ps.setString(4, s.status().name());
          ps.setString(5, cut(s.reason(), MAX_SHORT));
          ps.setTimestamp(6, Timestamp.from(s.startedAt()));
          ps.setLong(7, s.durationMillis());
        });
  }

  private void insertChecks(List<CheckRow> rows) {
    jdbc.batchUpdate(
        "INSERT INTO check_result (run_id, input_row_id, check_name, status, summary, reason, evidence,"
            + " attributes) VALUES (?,?,?,?,?,?,?,?)",
        rows, rows.size(), (ps, row) -> {
          CheckResult r = row.result();
          ps.setLong(1, row.runId());
          ps.setLong(2, row.inputRowId());
          ps.setString(3, r.check());
          ps.setString(4, r.status().name());
          ps.setString(5, cut(r.summary(), MAX_SHORT));
          ps.setString(6, cut(r.reason(), MAX_SHORT));
          ps.setString(7, cut(String.join("\n", r.evidence()), MAX_EVIDENCE));
          ps.setString(8, r.attributes().isEmpty() ? null : cut(Attributes.encode(r.attributes()), MAX_MESSAGE));
        });
  }

  private void insertFindings(FindingTexts run, List<FindingRow> rows) {
    jdbc.batchUpdate(
        "INSERT INTO finding (run_id, input_row_id, check_name, code, severity, message, remediation, reference)"
            + " VALUES (?,?,?,?,?,?,?,?)",
        rows, rows.size(), (ps, row) -> {
          Finding f = row.finding();
          ps.setLong(1, row.runId());
          ps.setLong(2, row.inputRowId());
          ps.setString(3, row.check());
          ps.setString(4, f.code());
          ps.setString(5, f.severity().name());
          ps.setString(6, cut(f.message(), MAX_MESSAGE));
          ps.setString(7, cut(run.storedRemediation(f.code(), f.remediation()), MAX_MESSAGE));
          ps.setString(8, cut(run.storedReference(f.code(), f.reference()), 400));
        });
  }

  static String cut(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    String marker = "…[cut at " + max + " characters]";
    return text.substring(0, max - marker.length()) + marker;
  }
}
