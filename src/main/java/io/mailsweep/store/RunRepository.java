package io.mailsweep.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** The {@code scan_run} table: one row per run, kept as history. */
public final class RunRepository {
  private final JdbcTemplate jdbc;

  public RunRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public long create(ScanRun run) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(con -> {
      var ps = con.prepareStatement(
          "INSERT INTO scan_run (job_name, input_file, input_sha256, domain_column, resolvers, checks,"
              + " parameters, tool_version, started_at, status) VALUES (?,?,?,?,?,?,?,?,?,?)",
          new String[] {"id"});
      ps.setString(1, run.jobName());
      ps.setString(2, run.inputFile());
      ps.setString(3, run.inputSha256());
      ps.setString(4, run.domainColumn());
      ps.setString(5, run.resolvers());
      ps.setString(6, run.checks());
      ps.setString(7, run.parameters());
      ps.setString(8, run.toolVersion());
      ps.setTimestamp(9, Timestamp.from(run.startedAt()));
      ps.setString(10, "STARTED");
      return ps;
    }, keys);
    long id = keys.getKey().longValue();
    FindingTexts.record(jdbc, id);
    return id;
  }

  public Optional<ScanRun> find(long id) {
    List<ScanRun> runs = jdbc.query("SELECT * FROM scan_run WHERE id = ?", RunRepository::map, id);
    return runs.stream().findFirst();
  }

  public void recordInputShape(long id, String domainColumn, List<String> extraColumns) {
    jdbc.update("UPDATE scan_run SET domain_column = ?, extra_columns = ? WHERE id = ?",
        domainColumn, CsvCells.encode(extraColumns), id);
  }

  /** The header names of the run's carried input columns, in input order. */
  public List<String> extraColumns(long id) {
    List<String> encoded = jdbc.queryForList("SELECT extra_columns FROM scan_run WHERE id = ?", String.class, id);
    return encoded.isEmpty() ? List.of() : CsvCells.decode(encoded.get(0));
  }

  public void recordResolverHealth(long id, String health) {
    jdbc.update("UPDATE scan_run SET resolver_health = ? WHERE id = ?", health, id);
  }

  public void recordReport(long id, String file) {
    jdbc.update("UPDATE scan_run SET report_file = ? WHERE id = ?", file, id);
  }

  /** Records how the run ended and its totals, counted from its rows. */
  public void finish(long id, String status, Instant at) {
    jdbc.update("UPDATE scan_run SET status = ?, finished_at = ?,"
        + " rows_read = (SELECT COUNT(*) FROM input_row r WHERE r.run_id = scan_run.id),"
        + " rows_accepted = " + rows("ACCEPTED") + ", rows_duplicate = " + rows("DUPLICATE") + ","
        + " rows_rejected = " + rows("REJECTED") + ","
        + " domains_scanned = (SELECT COUNT(*) FROM domain_result d WHERE d.run_id = scan_run.id),"
        + " domains_inconclusive = (SELECT COUNT(*) FROM domain_result d WHERE d.run_id = scan_run.id"
        + "   AND d.status = 'INCONCLUSIVE')"
        + " WHERE id = ?", status, Timestamp.from(at), id);
  }

  private static String rows(String disposition) {
    return "(SELECT COUNT(*) FROM input_row r WHERE r.run_id = scan_run.id AND r.disposition = '"
        + disposition + "')";
  }

  public void restarted(long id) {
    jdbc.update("UPDATE scan_run SET status = 'STARTED', finished_at = NULL WHERE id = ?", id);
  }

  private static ScanRun map(ResultSet rs, int row) throws SQLException {
    Timestamp finished = rs.getTimestamp("finished_at");
    return new ScanRun(rs.getLong("id"), rs.getString("job_name"), rs.getString("input_file"),
        rs.getString("input_sha256"), rs.getString("domain_column"), rs.getString("resolvers"),
        rs.getString("checks"), rs.getString("parameters"), rs.getString("tool_version"),
        rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
        rs.getString("status"), rs.getString("resolver_health"), rs.getString("report_file"),
        new RunCounts(rs.getLong("rows_read"), rs.getLong("rows_accepted"), rs.getLong("rows_duplicate"),
            rs.getLong("rows_rejected"), rs.getLong("domains_scanned"), rs.getLong("domains_inconclusive")));
  }
}
