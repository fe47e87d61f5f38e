package io.mailsweep.cli;

import io.mailsweep.history.Change;
import io.mailsweep.history.ChangeKind;
import io.mailsweep.history.DiffSettings;
import io.mailsweep.policy.Profile;
import io.mailsweep.policy.ProfileCatalog;
import io.mailsweep.history.Drift;
import io.mailsweep.scan.CheckCatalog;
import io.mailsweep.store.ScanRun;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mailsweep diff RUN_A RUN_B}: what changed from one stored run to another. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Print what changed from run RUN_A to run RUN_B, one change per line: domains added and removed,"
          + " policies downgraded or upgraded (DMARC p=, MTA-STS mode), check statuses worse or better, new"
          + " and resolved findings, mail server certificates changed or expiring soon.",
      "Lines are grouped by domain in name order, then certificate changes by MX host; the last line counts"
          + " them. The workbook's Changes sheet lists the same."
    })
final class DiffCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RUN_A", description = "The earlier run (see 'mailsweep history').")
  long before;

  @Parameters(index = "1", paramLabel = "RUN_B", description = "The later run.")
  long after;

  @Option(names = "--expiring-within", paramLabel = "DAYS", defaultValue = "7",
      description = "List RUN_B's mail server certificates that expire within this many days after it"
          + " started (default: ${DEFAULT-VALUE}).")
  int expiringWithinDays;

  @Option(names = "--profile", paramLabel = "NAME|FILE",
      description = "Also list domains whose verdict against this compliance profile changed (NEWLY_COMPLIANT,"
          + " NEWLY_NON_COMPLIANT), as the Changes sheet of a report judged by it does.")
  String profile;

  @Option(names = "--db", paramLabel = "JDBC_URL", description = "Database of the runs (default: "
      + AppContext.DEFAULT_DB + ").")
  String db;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (expiringWithinDays < 0 || expiringWithinDays > 3650) {
      throw new UserError("--expiring-within must be between 0 and 3650 days");
    }
    DiffSettings settings = DiffSettings.DEFAULTS.withExpiryHorizon(Duration.ofDays(expiringWithinDays));
    if (profile != null) {
      Profile judge;
      try {
        judge = ProfileCatalog.load(profile);
      } catch (IllegalArgumentException e) {
        throw new UserError("--profile: " + e.getMessage());
      }
      settings = settings.withVerdict(facts -> judge.evaluate(facts).compliance().name());
    }
    try (ConfigurableApplicationContext context = AppContext.start(db, 500, 1)) {
      Drift drift = new Drift(context.getBean(DataSource.class), settings);
      PrintWriter out = spec.commandLine().getOut();
      ScanRun a = drift.run(before);
      ScanRun b = drift.run(after);
      out.println("changes from " + describe(a) + " to " + describe(b));
      if (!a.jobName().equals(b.jobName())) {
        out.println("note: the runs belong to different jobs");
      }
      Map<ChangeKind, Long> counts = new EnumMap<>(ChangeKind.class);
      drift.compare(before, after, change -> {
        out.println(line(change));
        counts.merge(change.kind(), 1L, Long::sum);
      });
      out.println(total(counts));
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** One change: domain, kind, check, "before -> after" ("-" for none), then the detail in parentheses. */
  static String line(Change c) {
    StringBuilder s = new StringBuilder(TerminalText.clean(c.domain())).append("  ").append(c.kind().name());
    if (c.check() != null) {
      s.append("  ").append(CheckCatalog.displayName(c.check()));
    }
    s.append("  ").append(value(c.before())).append(" -> ").append(value(c.after()));
    if (c.detail() != null && !c.detail().isEmpty()) {
      s.append("  (").append(TerminalText.clean(c.detail())).append(')');
    }
    return s.toString();
  }

  static String total(Map<ChangeKind, Long> counts) {
    long all = counts.values().stream().mapToLong(Long::longValue).sum();
    if (all == 0) {
      return "no changes";
    }
    return all + (all == 1 ? " change: " : " changes: ") + counts.entrySet().stream()
        .map(e -> e.getValue() + " " + e.getKey().name()).collect(Collectors.joining(", "));
  }

  private static String value(String v) {
    return v == null || v.isEmpty() ? "-" : TerminalText.clean(v);
  }

  private static String describe(ScanRun r) {
    return "run " + r.id() + " (job " + TerminalText.clean(r.jobName()) + ", started "
        + HistoryCommand.time(r.startedAt()) + " UTC, " + TerminalText.clean(r.status()) + ")";
  }
}
