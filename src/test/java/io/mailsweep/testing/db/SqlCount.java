package io.mailsweep.testing.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** One number from a database the test does not hold open, such as a run's H2 file. */
public final class SqlCount {
  private SqlCount() {}

  /** The single number {@code sql} selects from {@code jdbcUrl} (user sa, no password); null is 0. */
  public static long of(String jdbcUrl, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "sa", "")) {
      Long n = new JdbcTemplate(new SingleConnectionDataSource(c, true)).queryForObject(sql, Long.class);
      return n == null ? 0 : n;
    }
  }
}
