package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fewer index entries per scanned domain: the result tables keep the foreign key to their input
 * row and lose the one on their copy of the run id.
 *
 * <p>{@code domain_result}, {@code check_result} and {@code finding} carry {@code run_id} so that
 * a run's rows can be read by index ranges; its foreign key to {@code scan_run} added nothing:
 * deleting a run already deletes its input rows, and with them (ON DELETE CASCADE on
 * {@code input_row_id}) every result row. H2 gave each such key an index of its own, which every
 * insert maintained (PostgreSQL checked each insert against {@code scan_run} instead); with them
 * gone a scanned domain writes about 40 index entries instead of 54. On H2 the key of
 * {@code finding.input_row_id} is also added again so that it uses {@code finding_input_row} (V6)
 * instead of the identical index H2 made for it in V1.
 *
 * <p>The constraints were declared without names, so they are looked up by their column in the
 * standard information schema (H2 and PostgreSQL both have it).
 */
public class V7__ResultRowsWithoutRunForeignKeys extends BaseJavaMigration {

  private static final String[] RUN_KEYS_OF = {"domain_result", "check_result", "finding"};

  private static final String CONSTRAINT_OF = """
      SELECT k.constraint_name FROM information_schema.key_column_usage k
      JOIN information_schema.referential_constraints r
        ON r.constraint_schema = k.constraint_schema AND r.constraint_name = k.constraint_name
      WHERE k.table_schema = CURRENT_SCHEMA AND LOWER(k.table_name) = ? AND LOWER(k.column_name) = ?""";

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    boolean h2 = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
    try (Statement ddl = connection.createStatement()) {
      for (String table : RUN_KEYS_OF) {
        drop(connection, ddl, table, "run_id");
      }
      if (h2) {
        drop(connection, ddl, "finding", "input_row_id");
        ddl.execute("ALTER TABLE finding ADD CONSTRAINT finding_input_row_fk FOREIGN KEY (input_row_id)"
            + " REFERENCES input_row (id) ON DELETE CASCADE");
      }
    }
  }

  private static void drop(Connection connection, Statement ddl, String table, String column) throws SQLException {
    for (String name : constraints(connection, table, column)) {
      ddl.execute("ALTER TABLE " + table + " DROP CONSTRAINT \"" + name.replace("\"", "\"\"") + "\"");
    }
  }

  private static List<String> constraints(Connection connection, String table, String column) throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(CONSTRAINT_OF)) {
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
