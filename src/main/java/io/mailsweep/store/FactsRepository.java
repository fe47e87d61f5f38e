package io.mailsweep.store;

import io.mailsweep.check.Status;
import io.mailsweep.policy.DomainFacts;
import io.mailsweep.store.FactsAssembler.Row;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Reads a run's stored results back as {@link DomainFacts}, one accepted domain at a time: the
 * whole run is never in memory. Every stream holds an open result set and must be closed
 * (try-with-resources). On PostgreSQL rows are fetched in batches only inside a transaction
 * (autocommit off); outside one the driver reads the whole result first.
 */
public final class FactsRepository {

  /** The order of a run's domains. */
  public enum Order {
    /** Input order (input row id), as the Domains sheet lists them. */
    LINE,
    /**
     * Ascending domain name in Java's {@link String#compareTo} order, which is byte order for the
     * stored A-labels: on PostgreSQL the "C" collation, whatever the database's default.
     */
    DOMAIN
  }

  static final int FETCH_SIZE = 1000;

  private static final String FACTS =
      "SELECT ir.id, ir.line_no, ir.domain, d.status, c.check_name, c.status, c.summary, c.attributes, f.code"
          + " FROM input_row ir"
          + " LEFT JOIN domain_result d ON d.input_row_id = ir.id"
          + " LEFT JOIN check_result c ON c.run_id = ir.run_id AND c.input_row_id = ir.id"
          + " LEFT JOIN finding f ON f.run_id = ir.run_id AND f.input_row_id = ir.id AND f.check_name = c.check_name"
          + " WHERE ir.run_id = ? AND ir.disposition = 'ACCEPTED'";

  private static final String IN_WINDOW = " AND ir.id > ? AND ir.id <= ?";

  private static final String CODES =
      "SELECT input_row_id, check_name, code FROM finding WHERE run_id = ? AND input_row_id > ? AND input_row_id <= ?";

  private static final String CERTIFICATES =
      "SELECT host, address, port, subject, issuer, not_after FROM mail_server"
          + " WHERE run_id = ? AND (subject IS NOT NULL OR issuer IS NOT NULL OR not_after IS NOT NULL)";

  private final JdbcTemplate jdbc;
  private String collation;

  public FactsRepository(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.jdbc.setFetchSize(FETCH_SIZE);
  }

  /**
   * The accepted domains of run {@code runId} in {@code order}; a domain not scanned has overall null.
   * In input order the rows are read a window of input rows at a time ({@link RowWindows}), so the
   * database sorts one window, never the whole run.
   */
  public Stream<DomainFacts> domains(long runId, Order order) {
    if (order == Order.LINE) {
      return stream(RowWindows.of(jdbc, runId)).flatMap(window -> domains(runId, window).stream());
    }
    Stream<Row> rows = jdbc.queryForStream(FACTS + " ORDER BY ir.domain" + collation() + ", ir.id, c.check_name, f.code",
        FactsRepository::row, runId);
    return stream(new FactsAssembler(rows.iterator())).onClose(rows::close);
  }

  /** The accepted domains of run {@code runId} in window {@code window}, in input order. */
  public List<DomainFacts> domains(long runId, RowWindows.Window window) {
    List<DomainFacts> out = new ArrayList<>();
    new FactsAssembler(rows(runId, window).iterator()).forEachRemaining(out::add);
    return out;
  }

  /**
   * The finding codes of run {@code runId}'s input rows in {@code window}, by input row id and check
   * name: with the window's check results, what {@link #domains(long, RowWindows.Window)} reads in
   * one join, for a reader that reads the check results anyway.
   */
  public Map<Long, Map<String, Set<String>>> codes(long runId, RowWindows.Window window) {
    Map<Long, Map<String, Set<String>>> codes = new HashMap<>();
    jdbc.query(CODES, (RowCallbackHandler) rs -> codes.computeIfAbsent(rs.getLong(1), id -> new HashMap<>())
        .computeIfAbsent(rs.getString(2), check -> new TreeSet<>()).add(rs.getString(3)),
        runId, window.after(), window.last());
    return codes;
  }

  /**
   * A stored status name as a status: null for null (not scanned), and INCONCLUSIVE for a name this
   * version does not know, since it cannot be judged.
   */
  public static Status status(String name) {
    return FactsAssembler.status(name);
  }

  private List<Row> rows(long runId, RowWindows.Window window) {
    return jdbc.query(FACTS + IN_WINDOW + " ORDER BY ir.id, c.check_name, f.code", FactsRepository::row, runId,
        window.after(), window.last());
  }

  /** The certificates run {@code runId} saw, by host, address and port in byte order. */
  public Stream<MailServerCertificate> certificates(long runId) {
    String c = collation();
    return jdbc.queryForStream(CERTIFICATES + " ORDER BY host" + c + ", address" + c + ", port",
        (rs, n) -> new MailServerCertificate(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
            rs.getString(5), rs.getString(6)), runId);
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
  }

  private static <T> Stream<T> stream(Iterator<T> it) {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /**
   * The collation clause that makes text sort in byte order: PostgreSQL sorts by its locale's
   * collation unless told otherwise; H2 compares strings as Java does by default.
   */
  private String collation() {
    if (collation == null) {
      collation = Databases.is(jdbc, "postgres") ? " COLLATE \"C\"" : "";
    }
    return collation;
  }
}
