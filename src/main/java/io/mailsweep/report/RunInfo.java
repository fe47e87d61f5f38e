package io.mailsweep.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import io.mailsweep.scan.CheckCatalog;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One {@code scan_run} row as the report shows it. {@code checks} are lower-case check names in
 * display order; {@code extraColumns} are the carried input columns' header names; {@code
 * parameters} is every option of the run as stored, one {@code key=value} line each.
 */
record RunInfo(
    long id,
    String jobName,
    String inputFile,
    String inputSha256,
    String domainColumn,
    List<String> extraColumns,
    String resolvers,
    String resolverHealth,
    List<String> checks,
    String toolVersion,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt,
    String status,
    String parameters) {

  private static final String SELECT =
      "SELECT id, job_name, input_file, input_sha256, domain_column, extra_columns, resolvers,"
          + " resolver_health, checks, tool_version, started_at, finished_at, status, parameters"
          + " FROM scan_run WHERE id = ?";

  static Optional<RunInfo> load(JdbcTemplate jdbc, long runId) {
    return jdbc.query(SELECT, RunInfo::fromRow, runId).stream().findFirst();
  }

  private static RunInfo fromRow(ResultSet rs, int rowNum) throws SQLException {
    return new RunInfo(
        rs.getLong("id"),
        rs.getString("job_name"),
        rs.getString("input_file"),
        rs.getString("input_sha256"),
        rs.getString("domain_column"),
        CsvRecord.parse(rs.getString("extra_columns")),
        rs.getString("resolvers"),
        rs.getString("resolver_health"),
        checkNames(rs.getString("checks")),
        rs.getString("tool_version"),
        rs.getObject("started_at", OffsetDateTime.class),
        rs.getObject("finished_at", OffsetDateTime.class),
        rs.getString("status"),
        rs.getString("parameters"));
  }

  private static List<String> checkNames(String csv) {
    return Arrays.stream(csv.split(","))
        .map(name -> name.trim().toLowerCase(Locale.ROOT))
        .filter(name -> !name.isEmpty())
        .distinct()
        .toList();
  }

  /**
   * The run's status as a reader should understand it: the report is written as the run's last
   * step, so a run that has not recorded its end yet is "running" rather than merely STARTED.
   */
  String statusText() {
    return "STARTED".equals(status) && finishedAt == null
        ? "running (this report is written as the run's last step)"
        : status;
  }

  /** The header a check's status column carries, e.g. {@code SPF}, {@code MTA-STS}. */
  static String checkHeader(String checkName) {
    return CheckCatalog.displayName(checkName);
  }
}
