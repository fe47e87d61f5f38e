package io.mailsweep.testing.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database of its own on the machine's PostgreSQL (127.0.0.1:5432, trust authentication, as on
 * CI), reached through a small connection pool as the application reaches its database, and
 * dropped on {@link #close}. Tests skip where {@link #reachable} is false.
 */
public final class ScratchPostgres implements AutoCloseable {
  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

  private final JdbcTemplate server;
  private final String name;
  private final HikariDataSource dataSource = new HikariDataSource();

  private ScratchPostgres(JdbcTemplate server, String name) {
    this.server = server;
    this.name = name;
    dataSource.setJdbcUrl(SERVER + name);
    dataSource.setUsername(user());
    dataSource.setMaximumPoolSize(8);
  }

  /** Whether the server answers within two seconds. */
  public static boolean reachable() {
    try (Connection c = admin().getConnection()) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  /** A new, empty database named {@code prefix} and a random suffix. */
  public static ScratchPostgres create(String prefix) {
    String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    JdbcTemplate server = new JdbcTemplate(admin());
    server.execute("CREATE DATABASE " + name);
    return new ScratchPostgres(server, name);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    dataSource.close();
    server.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static DataSource admin() {
    PGSimpleDataSource admin = new PGSimpleDataSource();
    admin.setURL(SERVER + "postgres?connectTimeout=2");
    admin.setUser(user());
    return admin;
  }

  private static String user() {
    return System.getenv().getOrDefault("PGUSER", "postgres");
  }
}
