package io.mailsweep.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mailsweep.testing.db.ScratchPostgres;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The result tables' keys and indexes after every migration (V10: no foreign key on check and
 * finding rows, whose run's retention deletes them; finding texts once per run), on H2 and, where it runs, on the
 * PostgreSQL of the machine (127.0.0.1:5432, as on CI), each in a database of its own.
 */
class ResultSchemaTest {

  private static final String FOREIGN_KEYS = """
      SELECT LOWER(k.table_name) || '.' || LOWER(k.column_name) FROM information_schema.key_column_usage k
      JOIN information_schema.referential_constraints r
        ON r.constraint_schema = k.constraint_schema AND r.constraint_name = k.constraint_name
      WHERE k.table_schema = CURRENT_SCHEMA
        AND LOWER(k.table_name) IN ('input_row', 'domain_result', 'check_result', 'finding', 'mail_server',
          'finding_text')""";

  private static JdbcDataSource h2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return h2;
  }

  private static Flyway flyway(DataSource db, String vendor, String target) {
    var config = Flyway.configure().dataSource(db).locations("classpath:db/migration", "classpath:db/batch/" + vendor);
    return (target == null ? config : config.target(target)).load();
  }

  /** One scanned domain with a check and a finding in run 1. */
  private static void storeOneDomain(JdbcTemplate jdbc) {
    jdbc.update("INSERT INTO scan_run (id, job_name, input_file, input_sha256, resolvers, checks, parameters,"
        + " tool_version, started_at, status) VALUES (1, 'nightly', '/in.csv', 'ab', '127.0.0.1', 'spf', 'x=1',"
        + " '0.1.0', CURRENT_TIMESTAMP, 'COMPLETED')");
    jdbc.update("INSERT INTO input_row (id, run_id, line_no, raw_value, domain, disposition)"
        + " VALUES (10, 1, 2, 'a.test', 'a.test', 'ACCEPTED')");
    jdbc.update("INSERT INTO domain_result (input_row_id, run_id, domain, status, scanned_at, duration_ms)"
        + " VALUES (10, 1, 'a.test', 'FAIL', CURRENT_TIMESTAMP, 5)");
    jdbc.update("INSERT INTO check_result (run_id, input_row_id, check_name, status) VALUES (1, 10, 'spf', 'FAIL')");
    jdbc.update("INSERT INTO finding (run_id, input_row_id, check_name, code, severity, message)"
        + " VALUES (1, 10, 'spf', 'SPF_MISSING', 'HIGH', 'no SPF')");
  }

  private static long rows(JdbcTemplate jdbc, String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }

  private static void assertKeysAndCascade(JdbcTemplate jdbc) {
    assertThat(jdbc.queryForList(FOREIGN_KEYS, String.class)).containsExactlyInAnyOrder("input_row.run_id",
        "domain_result.input_row_id", "mail_server.run_id", "finding_text.run_id");
    jdbc.update("INSERT INTO finding_text (run_id, code, remediation, reference)"
        + " VALUES (1, 'SPF_MISSING', 'Publish an SPF record.', 'RFC 7208 §4')");

    // What the retention does (RunPruner): the rows without a key first, then the run.
    jdbc.update("DELETE FROM finding WHERE run_id = 1");
    jdbc.update("DELETE FROM check_result WHERE run_id = 1");
    jdbc.update("DELETE FROM scan_run WHERE id = 1");

    for (String table : List.of("input_row", "domain_result", "check_result", "finding", "finding_text")) {
      assertThat(rows(jdbc, table)).as(table).isZero();
    }
  }

  @Test
  void onH2TheKeysAreThoseOfTheRowsThatCascadeAndARunIsDeletedWithAllItsRows() {
    JdbcDataSource h2 = h2();
    flyway(h2, "h2", null).migrate();
    JdbcTemplate jdbc = new JdbcTemplate(h2);
    storeOneDomain(jdbc);

    assertKeysAndCascade(jdbc);
  }

  @Test
  void onH2EachResultTableHasOneIndexByRunAndInputRowAndNoTwinForAKey() {
    JdbcDataSource h2 = h2();
    flyway(h2, "h2", null).migrate();
    JdbcTemplate jdbc = new JdbcTemplate(h2);

    List<String> indexes = jdbc.queryForList("""
        SELECT LOWER(TABLE_NAME) || '(' || LISTAGG(LOWER(COLUMN_NAME), ',') WITHIN GROUP (ORDER BY ORDINAL_POSITION) || ')'
        FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC'
          AND TABLE_NAME IN ('DOMAIN_RESULT', 'CHECK_RESULT', 'FINDING', 'FINDING_TEXT')
        GROUP BY TABLE_NAME, INDEX_NAME""", String.class);

    assertThat(indexes).containsExactlyInAnyOrder("domain_result(input_row_id)", "domain_result(run_id,input_row_id)",
        "check_result(id)", "check_result(run_id,input_row_id,check_name)", "finding(id)",
        "finding(run_id,input_row_id)", "finding_text(run_id,code)", "finding_text(run_id)");
  }

  @Test
  void anH2DatabaseWithResultsMigratesWithItsRowsIntact() {
    JdbcDataSource h2 = h2();
    flyway(h2, "h2", "6").migrate();
    JdbcTemplate jdbc = new JdbcTemplate(h2);
    storeOneDomain(jdbc);

    flyway(h2, "h2", null).migrate();

    assertThat(rows(jdbc, "check_result")).isOne();
    assertThat(rows(jdbc, "finding")).isOne();
    assertKeysAndCascade(jdbc);
  }

  @Test
  void onPostgresqlTheSameKeysRemainAndARunIsDeletedWithAllItsRows() {
    assumeTrue(ScratchPostgres.reachable(), "no PostgreSQL on 127.0.0.1:5432");
    try (ScratchPostgres pg = ScratchPostgres.create("mailsweep_schema")) {
      flyway(pg.dataSource(), "postgresql", "6").migrate();
      JdbcTemplate jdbc = new JdbcTemplate(pg.dataSource());
      storeOneDomain(jdbc);
      flyway(pg.dataSource(), "postgresql", null).migrate();

      assertKeysAndCascade(jdbc);
    }
  }
}
