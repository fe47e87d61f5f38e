package io.mailsweep.cli;

import io.mailsweep.store.RunHistory;
import io.mailsweep.store.ScanRun;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mailsweep history [--job NAME]}: the runs kept in the database, newest first. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = {"List the runs kept in the database, newest first: id, job, start (UTC), status, domains"
        + " scanned, domains inconclusive and report file. Compare two with 'mailsweep diff RUN_A RUN_B'."})
final class HistoryCommand implements Callable<Integer> {
  static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final String[] HEADER = {"RUN", "JOB", "STARTED (UTC)", "STATUS", "DOMAINS", "INCONCLUSIVE",
      "REPORT"};

  @Option(names = "--job", paramLabel = "NAME", description = "Only the runs of this job.")
  String job;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
      description = "Newest runs listed, 1-" + RunHistory.MAX_LIMIT + " (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--db", paramLabel = "JDBC_URL", description = "Database of the runs (default: "
      + AppContext.DEFAULT_DB + ").")
  String db;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (limit < 1 || limit > RunHistory.MAX_LIMIT) {
      throw new UserError("--limit must be between 1 and " + RunHistory.MAX_LIMIT);
    }
    try (ConfigurableApplicationContext context = AppContext.start(db, 500, 1)) {
      List<ScanRun> runs = new RunHistory(context.getBean(JdbcTemplate.class)).list(job, limit);
      print(runs, job, spec.commandLine().getOut());
      return ExitCodes.OK;
    }
  }

  static void print(List<ScanRun> runs, String job, PrintWriter out) {
    if (runs.isEmpty()) {
      out.println(job == null ? "no runs" : "no runs of job " + TerminalText.clean(job));
      out.flush();
      return;
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    runs.forEach(r -> rows.add(row(r)));
    int[] widths = new int[HEADER.length];
    rows.forEach(row -> {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    });
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        boolean number = i == 0 || i == 4 || i == 5;
        String cell = number ? " ".repeat(widths[i] - row[i].length()) + row[i] : row[i];
        line.append(cell).append(i == row.length - 1 ? "" : " ".repeat(widths[i] - cell.length() + 2));
      }
      out.println(line.toString().stripTrailing());
    }
    out.flush();
  }

  private static String[] row(ScanRun r) {
    boolean finished = r.finishedAt() != null;
    return new String[] {Long.toString(r.id()), TerminalText.clean(r.jobName()), time(r.startedAt()),
        TerminalText.clean(r.status()), finished ? Long.toString(r.counts().scanned()) : "-",
        finished ? Long.toString(r.counts().inconclusive()) : "-",
        r.reportFile() == null ? "-" : TerminalText.clean(r.reportFile())};
  }

  static String time(Instant t) {
    return t == null ? "-" : UTC.format(t);
  }
}
