package io.mailsweep.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything needed to reproduce the run: what identifies it (run id, tool version, input SHA-256,
 * resolver health, times), then every job parameter stored with it, one row per key, in stored
 * order ({@code scan_run.parameters}: the {@code key=value} lines of {@code RunParameters.describe}).
 */
final class RunInfoSheet {

  static final String NAME = "Run info";
  static final List<Column> COLUMNS = List.of(new Column("Parameter", 32), new Column("Value", 100));

  /** The key a stored line without "=" is shown under, so that no stored text is lost. */
  static final String UNPARSED = "(unparsed)";

  private final PagedSheet table;

  RunInfoSheet(FastDeflateWorkbook workbook, Palette palette, int maxRows) {
    this.table = new PagedSheet(workbook, palette, NAME, COLUMNS, 1, maxRows);
  }

  void write(RunInfo run) {
    row("run.id", Long.toString(run.id()));
    row("tool.version", run.toolVersion());
    row("input.sha256", run.inputSha256());
    row("resolver.health", run.resolverHealth());
    row("run.status", run.statusText());
    row("run.started (UTC)", Utc.format(run.startedAt()));
    row("run.finished (UTC)", Utc.format(run.finishedAt()));
    for (String[] parameter : parameters(run.parameters())) {
      row(parameter[0], parameter[1]);
    }
    table.finish();
  }

  private void row(String key, String value) {
    table.nextRow().text(key).text(value);
  }

  /** The stored {@code key=value} lines as pairs; the value is everything after the first "=". */
  static List<String[]> parameters(String stored) {
    List<String[]> out = new ArrayList<>();
    if (stored == null || stored.isBlank()) {
      return out;
    }
    for (String line : stored.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        out.add(new String[] {line.substring(0, eq), line.substring(eq + 1)});
      } else if (!line.isBlank()) {
        out.add(new String[] {UNPARSED, line});
      }
    }
    return out;
  }
}
