package io.mailsweep.report;

import io.mailsweep.policy.DomainFacts;
import io.mailsweep.store.FactsRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One row per accepted input row, in input order, in the {@link DomainColumns} layout. The rows are
 * read a window of input rows at a time ({@link DomainLines}) on a second thread, a window or two
 * ahead of the one being written ({@link ReadAhead}), so memory does not grow with the run. The
 * verdicts judge facts made from the same check results, with the window's finding codes read
 * beside them, so the check results are read once.
 */
final class DomainsSheet {

  static final String NAME = "Domains";
  static final String NOT_SCANNED = DomainColumns.NOT_SCANNED;

  private final RunInfo run;
  private final DomainColumns layout;
  private final Verdicts verdicts;
  private final PagedSheet table;

  DomainsSheet(FastDeflateWorkbook workbook, Palette palette, RunInfo run, int maxRows) {
    this(workbook, palette, run, maxRows, null);
  }

  /**
   * @param verdicts the domains' verdicts against the run's profile, {@link Verdicts#fed fed} the
   *     facts as the rows are read; null for none
   */
  DomainsSheet(FastDeflateWorkbook workbook, Palette palette, RunInfo run, int maxRows, Verdicts verdicts) {
    this.run = run;
    this.verdicts = verdicts;
    this.layout = new DomainColumns(run, verdicts);
    this.table = new PagedSheet(workbook, palette, NAME, layout.columns(), 2, maxRows);
  }

  /**
   * Writes every row, reading through {@code reader} (on another thread: it must not need this
   * thread's transaction, so pass one bound to the transaction's connection), and counts each
   * domain's overall status in {@code tally}.
   */
  void write(JdbcTemplate reader, RunTotals.Tally tally) {
    FactsRepository facts = verdicts == null ? null : new FactsRepository(reader.getDataSource());
    ReadAhead.windows("mailsweep-report-domains", reader, run.id(),
        window -> {
          List<DomainLine> lines = DomainLines.window(reader, run.id(), window, false);
          return new Batch(lines, facts == null ? List.of() : facts(lines, facts.codes(run.id(), window)));
        },
        batch -> {
          if (verdicts != null) {
            verdicts.feed(batch.facts());
          }
          for (DomainLine line : batch.lines()) {
            if (line.overall != null) {
              tally.overall(line.overall);
            }
            layout.fill(line, table.nextRow());
          }
        });
    table.finish();
  }

  /** The facts of {@code lines} for the verdicts: the check results already read, and their codes. */
  static List<DomainFacts> facts(List<DomainLine> lines, Map<Long, Map<String, Set<String>>> codes) {
    List<DomainFacts> facts = new ArrayList<>(lines.size());
    for (DomainLine line : lines) {
      facts.add(line.facts(codes.getOrDefault(line.inputRowId, Map.of())));
    }
    return facts;
  }

  /** One window's domains and, with verdicts, their facts. */
  private record Batch(List<DomainLine> lines, List<DomainFacts> facts) {}
}
