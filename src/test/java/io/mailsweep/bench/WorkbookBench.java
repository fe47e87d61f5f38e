package io.mailsweep.bench;

import io.mailsweep.report.ReportFiles;
import io.mailsweep.report.ReportFormat;
import io.mailsweep.report.RunReports;
import io.mailsweep.report.WorkbookReport;
import io.mailsweep.scan.ScannedDomain;
import io.mailsweep.store.CsvCells;
import io.mailsweep.store.ResultRepository;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Timed harness, not a unit test: the report's cost for a large run. {@code fill DB N} stores a run
 * of N synthetic domains ({@link SyntheticRun}: eight checks, evidence, about three findings each)
 * in a file H2 database through the real repositories; {@code write DB BASE FORMATS} writes that
 * run's report files and prints wall time, the heap's peak (sampled every 10 ms), the largest heap
 * left after a collection (the live set, which must stay flat as N grows) and the file sizes. Run
 * each step in its own JVM (samples/bench/workbook-bench.sh) so that peak RSS is the writer's.
 *
 * <pre>
 * java -Xmx512m -cp ... io.mailsweep.bench.WorkbookBench fill jdbc:h2:file:/tmp/b/db 100000
 * java -Xmx512m -cp ... io.mailsweep.bench.WorkbookBench write jdbc:h2:file:/tmp/b/db /tmp/b/report xlsx
 * </pre>
 */
public final class WorkbookBench {
  private static final int CHUNK = 1_000;

  private WorkbookBench() {}

  public static void main(String[] args) throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(args[1]);
    h2.setUser("sa");
    switch (args[0]) {
      case "fill" -> fill(h2, Long.parseLong(args[2]));
      case "write" -> write(h2, Path.of(args[2]), ReportFormat.parse(args.length > 3 ? args[3] : "xlsx"));
      default -> throw new IllegalArgumentException("fill DB N | write DB BASE [FORMATS]");
    }
  }

  private static void fill(JdbcDataSource h2, long n) {
    Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(h2);
    jdbc.update("INSERT INTO scan_run (id, job_name, input_file, input_sha256, domain_column, extra_columns, resolvers,"
        + " resolver_health, checks, parameters, tool_version, started_at, status) VALUES (1, 'bench', '/bench.csv',"
        + " ?, 'domain', ?, '127.0.0.1:53', 'OK: canary resolved', 'spf,dmarc,dkim,bimi,mx,starttls,mtasts,tlsrpt',"
        + " ?, 'bench', CURRENT_TIMESTAMP, 'COMPLETED')", "ab".repeat(32), CsvCells.encode(SyntheticRun.extraColumns()),
        "job.name=bench\nchecks=spf,dmarc,dkim,bimi,mx,starttls,mtasts,tlsrpt\nreport.formats=xlsx");
    ResultRepository results = new ResultRepository(jdbc);
    TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(h2));
    long started = System.nanoTime();
    for (long from = 0; from < n; from += CHUNK) {
      long first = from;
      long last = Math.min(n, from + CHUNK);
      tx.executeWithoutResult(status -> {
        List<Object[]> rows = new ArrayList<>();
        List<ScannedDomain> scanned = new ArrayList<>();
        for (long i = first; i < last; i++) {
          rows.add(new Object[] {i + 1, i + 2, SyntheticRun.domain(i), SyntheticRun.domain(i), SyntheticRun.extras(i)});
          scanned.add(SyntheticRun.scanned(i + 1, i));
        }
        jdbc.batchUpdate("INSERT INTO input_row (id, run_id, line_no, raw_value, domain, disposition, extras)"
            + " VALUES (?, 1, ?, ?, ?, 'ACCEPTED', ?)", rows);
        results.save(1, scanned);
      });
    }
    System.out.printf(Locale.ROOT, "filled %d domains in %.1f s: %d check results, %d findings, %d mail servers%n", n,
        (System.nanoTime() - started) / 1e9, count(jdbc, "check_result"), count(jdbc, "finding"),
        count(jdbc, "mail_server"));
  }

  private static long count(JdbcTemplate jdbc, String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }

  private static void write(JdbcDataSource h2, Path base, Set<ReportFormat> formats) throws Exception {
    Files.createDirectories(base.toAbsolutePath().getParent());
    HeapSampler heap = HeapSampler.start();
    long started = System.nanoTime();
    List<Path> files = new RunReports(new WorkbookReport(h2), h2).write(1, new ReportFiles(base), formats,
        "baseline");
    double seconds = (System.nanoTime() - started) / 1e9;
    heap.stop();
    System.out.printf(Locale.ROOT, "wrote %s in %.1f s; heap peak %d MiB, largest live set after GC %d MiB,"
        + " max heap %d MiB%n", ReportFormat.describe(formats), seconds, heap.peak() >> 20, heap.livePeak() >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
    for (Path file : files) {
      System.out.printf(Locale.ROOT, "  %s %.1f MB%n", file.getFileName(), Files.size(file) / 1e6);
    }
  }

  /** The heap the pools kept after their latest collection: what the writer really held on to. */
  private static long liveAfterGc() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
        sum += pool.getCollectionUsage().getUsed();
      }
    }
    return sum;
  }

  /** Samples used heap and the live set after collections on a daemon thread, keeping the highest of each. */
  private static final class HeapSampler implements Runnable {
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong livePeak = new AtomicLong();
    private volatile boolean running = true;

    static HeapSampler start() {
      HeapSampler sampler = new HeapSampler();
      Thread thread = new Thread(sampler, "heap-sampler");
      thread.setDaemon(true);
      thread.start();
      return sampler;
    }

    @Override
    public void run() {
      Runtime runtime = Runtime.getRuntime();
      while (running) {
        peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
        livePeak.accumulateAndGet(liveAfterGc(), Math::max);
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void stop() {
      running = false;
    }

    long peak() {
      return peak.get();
    }

    long livePeak() {
      return livePeak.get();
    }
  }
}
