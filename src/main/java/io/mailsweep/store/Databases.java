package io.mailsweep.store;

import java.sql.Connection;
import java.util.Locale;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** Which database engine the store runs on, for the few statements that differ between them. */
public final class Databases {
  private Databases() {}

  /** Whether the JDBC product name of {@code jdbc}'s database contains {@code name}, ignoring case. */
  public static boolean is(JdbcTemplate jdbc, String name) {
    String product = jdbc.execute((ConnectionCallback<String>) (Connection c) -> c.getMetaData()
        .getDatabaseProductName());
    return product != null && product.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT));
  }

  /**
   * What an INSERT of once-per-run rows ends with: on PostgreSQL, {@code ON CONFLICT DO NOTHING},
   * since two worker processes may both find a key absent and insert it at once (the second waits
   * for the first and then skips the row instead of failing its chunk); nothing on H2, which one
   * process at a time writes.
   */
  static String skipConflicts(JdbcTemplate jdbc) {
    return is(jdbc, "postgres") ? " ON CONFLICT DO NOTHING" : "";
  }
}
