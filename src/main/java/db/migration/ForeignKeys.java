package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Foreign keys declared without a name in an earlier migration, found by their column in the
 * standard information schema (H2 and PostgreSQL both have it) so that they can be dropped.
 */
final class ForeignKeys {
  private static final String ON_COLUMN = """
      SELECT k.constraint_name FROM information_schema.key_column_usage k
      JOIN information_schema.referential_constraints r
        ON r.constraint_schema = k.constraint_schema AND r.constraint_name = k.constraint_name
      WHERE k.table_schema = CURRENT_SCHEMA AND LOWER(k.table_name) = ? AND LOWER(k.column_name) = ?""";

  private ForeignKeys() {}

  /** Drops every foreign key of {@code table} on {@code column}. */
  static void drop(Connection connection, Statement ddl, String table, String column) throws SQLException {
    for (String name : on(connection, table, column)) {
      ddl.execute("ALTER TABLE " + table + " DROP CONSTRAINT \"" + name.replace("\"", "\"\"") + "\"");
    }
  }

  private static List<String> on(Connection connection, String table, String column) throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(ON_COLUMN)) {
      query.setString(1, table);
      query.setString(2, column);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    return names;
  }
}
