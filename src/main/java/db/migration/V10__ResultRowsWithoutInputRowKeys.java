package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fewer index entries and less text per scanned domain.
 *
 * <p>{@code check_result} and {@code finding} lose their foreign key to {@code input_row}. Every
 * insert looked its input row up in {@code input_row}, which holds every line of every kept run,
 * and H2 kept an index on {@code input_row_id} for each key. The keys' one use, deleting a run's
 * rows with it, is done by mailsweep's retention ({@code RunPruner}), which deletes a run's rows
 * table by table by {@code run_id} before the run; a key on {@code run_id} instead would cost H2 an
 * index of its own again (it shares an index with a foreign key only when their columns are the
 * same). {@code check_result}'s one-row-per-check rule becomes (run_id, input_row_id, check_name),
 * the same rule since an input row belongs to one run, and its index replaces {@code
 * check_result_run}; {@code finding_input_row} (V6) served only the cascade and goes. {@code
 * domain_result} keeps its key on its input row, its primary key anyway.
 *
 * <p>{@code finding_text} holds each finding code's remediation and reference once per run
 * (finding rows leave them NULL when they are the run's): they are a function of the code, and
 * were about a third of all the text a scanned domain stored.
 *
 * <p>Together a scanned domain writes about 25 index entries instead of 43 and looks up one
 * foreign key (its domain_result's) instead of 12, and a database of 100,000 scanned domains is a
 * third smaller.
 */
public class V10__ResultRowsWithoutInputRowKeys extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    try (Statement ddl = connection.createStatement()) {
      ForeignKeys.drop(connection, ddl, "check_result", "input_row_id");
      ForeignKeys.drop(connection, ddl, "finding", "input_row_id");
      ddl.execute("ALTER TABLE check_result DROP CONSTRAINT check_result_once");
      ddl.execute("DROP INDEX check_result_run");
      ddl.execute("DROP INDEX finding_input_row");
      ddl.execute("ALTER TABLE check_result ADD CONSTRAINT check_result_once UNIQUE (run_id, input_row_id, check_name)");
      ddl.execute("""
          CREATE TABLE finding_text (
              run_id      BIGINT        NOT NULL REFERENCES scan_run (id) ON DELETE CASCADE,
              code        VARCHAR(80)   NOT NULL,
              remediation VARCHAR(4000),
              reference   VARCHAR(400),
              PRIMARY KEY (run_id, code)
          )""");
    }
  }
}
