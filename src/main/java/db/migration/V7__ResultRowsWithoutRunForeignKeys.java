package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
 * <p>The constraints were declared without names: {@link ForeignKeys} finds them by their column.
 * V10 drops the keys of {@code check_result} and {@code finding} on their input row too.
 */
public class V7__ResultRowsWithoutRunForeignKeys extends BaseJavaMigration {

  private static final String[] RUN_KEYS_OF = {"domain_result", "check_result", "finding"};

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    boolean h2 = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
    try (Statement ddl = connection.createStatement()) {
      for (String table : RUN_KEYS_OF) {
        ForeignKeys.drop(connection, ddl, table, "run_id");
      }
      if (h2) {
        ForeignKeys.drop(connection, ddl, "finding", "input_row_id");
        ddl.execute("ALTER TABLE finding ADD CONSTRAINT finding_input_row_fk FOREIGN KEY (input_row_id)"
            + " REFERENCES input_row (id) ON DELETE CASCADE");
      }
    }
  }
}
