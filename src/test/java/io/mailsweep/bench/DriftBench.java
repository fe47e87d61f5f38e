package io.mailsweep.bench;

import io.mailsweep.history.ChangeKind;
import io.mailsweep.history.DiffSettings;
import io.mailsweep.history.Drift;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Timed harness, not a unit test: {@code mailsweep diff} over two synthetic runs of N domains in an
 * H2 file database (2 checks and about one finding per domain; 1% of domains change policy, 1%
 * are removed, 1% added), run under a small heap to show that memory does not grow with N. Prints
 * the insert and compare times, the changes by kind and the old generation's peak.
 *
 * <pre>
 * mvn -q -o test-compile
 * mvn -q -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
 * java -Xmx64m -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
 *     io.mailsweep.bench.DriftBench [DOMAINS=200000]
 * </pre>
 */
public final class DriftBench {
  private DriftBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    Path dir = Files.createTempDirectory("drift-bench");
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(h2);
    long t0 = System.nanoTime();
    insertRun(jdbc, 1, n, false);
    insertRun(jdbc, 2, n, true);
    long t1 = System.nanoTime();
    Map<ChangeKind, Long> counts = new EnumMap<>(ChangeKind.class);
    new Drift(h2, DiffSettings.DEFAULTS).compare(1, 2, c -> counts.merge(c.kind(), 1L, Long::sum));
    long t2 = System.nanoTime();
    System.out.printf("domains per run: %d%ninsert: %.1f s%ncompare: %.1f s (%.0f domains/s)%nchanges: %s%n"
        + "peak old generation: %d MiB, heap max %d MiB%n", n, (t1 - t0) / 1e9, (t2 - t1) / 1e9,
        n / ((t2 - t1) / 1e9), counts, peakOld() >> 20, Runtime.getRuntime().maxMemory() >> 20);
    jdbc.execute("SHUTDOWN");
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Domains d0000000.test, ...; the later run changes every 100th domain's DMARC and shifts the list by 1%. */
  private static void insertRun(JdbcTemplate jdbc, long run, int n, boolean later) {
    jdbc.update("INSERT INTO scan_run (id, job_name, input_file, input_sha256, resolvers, checks, parameters,"
        + " tool_version, started_at, status) VALUES (?, 'bench', '/in.csv', 'x', 'r', 'spf,dmarc', '', '0',"
        + " CURRENT_TIMESTAMP, 'COMPLETED')", run);
    int first = later ? n / 100 : 0;
    List<Object[]> rows = new ArrayList<>();
    for (int i = first; i < first + n; i++) {
      rows.add(new Object[] {run * 10_000_000L + i, run, (long) i, "d%07d.test".formatted(i)});
      if (rows.size() == 10_000 || i == first + n - 1) {
        write(jdbc, rows, later);
        rows.clear();
      }
    }
  }

  private static void write(JdbcTemplate jdbc, List<Object[]> rows, boolean later) {
    jdbc.batchUpdate("INSERT INTO input_row (id, run_id, line_no, raw_value, domain, disposition) VALUES (?,?,?,?,?,"
        + "'ACCEPTED')", rows.stream().map(r -> new Object[] {r[0], r[1], r[2], r[3], r[3]}).toList());
    jdbc.batchUpdate("INSERT INTO domain_result (input_row_id, run_id, domain, status, scanned_at, duration_ms)"
        + " VALUES (?,?,?, 'PASS', CURRENT_TIMESTAMP, 1)", rows.stream().map(r -> new Object[] {r[0], r[1], r[3]})
        .toList());
    jdbc.batchUpdate("INSERT INTO check_result (run_id, input_row_id, check_name, status, summary) VALUES"
        + " (?, ?, 'spf', 'PASS', 'valid; -all; 1 lookups')", rows.stream().map(r -> new Object[] {r[1], r[0]}).toList());
    jdbc.batchUpdate("INSERT INTO check_result (run_id, input_row_id, check_name, status, summary) VALUES"
        + " (?, ?, 'dmarc', 'PASS', ?)", rows.stream().map(r -> new Object[] {r[1], r[0],
            later && (long) r[2] % 100 == 0 ? "p=quarantine; pct=100; no rua" : "p=reject; pct=100; no rua"}).toList());
    jdbc.batchUpdate("INSERT INTO finding (run_id, input_row_id, check_name, code, severity, message) VALUES"
        + " (?, ?, 'dmarc', 'DMARC_NO_RUA', 'LOW', 'no rua')", rows.stream().map(r -> new Object[] {r[1], r[0]}).toList());
  }

  /** The peak of the heap pool that holds what survives collections (G1 Old Gen, Tenured, ...). */
  private static long peakOld() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      String name = pool.getName().toLowerCase(java.util.Locale.ROOT);
      if (pool.getType() == MemoryType.HEAP && (name.contains("old") || name.contains("tenured"))) {
        peak = Math.max(peak, pool.getPeakUsage().getUsed());
      }
    }
    return peak;
  }
}
