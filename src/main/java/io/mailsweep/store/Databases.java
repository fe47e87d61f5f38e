package io.mailsweep.store;

import java.sql.Connection;
import java.util.Locale;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** Which database engine the store runs on, for the few statements that differ between them. */
final class Databases {
  private Databases() {}

  /** Whether the JDBC product name of {@code jdbc}'s database contains {@code name}, ignoring case. */
  static boolean is(JdbcTemplate jdbc, String name) {
    String product = jdbc.execute((ConnectionCallback<String>) (Connection c) -> c.getMetaData()
        .getDatabaseProductName());
    return product != null && product.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT));
  }
}
