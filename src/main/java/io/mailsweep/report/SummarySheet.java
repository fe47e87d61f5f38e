package io.mailsweep.report;

import io.mailsweep.check.Status;
import io.mailsweep.policy.Compliance;
import io.mailsweep.policy.Rule;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The first sheet: what was run, on what input, and how it came out. Section by section: run
 * metadata, input totals, overall status counts, a check-by-status table with pass rates, the top
 * findings, then the charts. Prints on one page width, columns A-G.
 */
final class SummarySheet {

  static final String NAME = "Summary";
  static final String INCONCLUSIVE_NOTE =
      "INCONCLUSIVE means the result could not be determined (for example a DNS timeout, a"
          + " failing resolver or an unreachable server). It does not mean non-compliant.";
  static final String PASS_RATE_NOTE =
      "Pass rate: PASS results among the check's applicable results (all but NOT_APPLICABLE). An"
          + " INCONCLUSIVE result is not a pass, and not a failure either.";

  /** Columns A-G: labels, then six value columns. */
  static final int LAST_COLUMN = 6;

  /** Characters that fit across columns B-G, and A-G; longer text wraps rather than leave the page. */
  private static final int VALUE_WIDTH_CHARS = 6 * 16;
  private static final int NOTE_WIDTH_CHARS = 40 + 6 * 16;

  private final SXSSFWorkbook workbook;
  private final SXSSFSheet sheet;
  private final Palette palette;
  private final LinkRecorder links;
  private int nextRow;

  SummarySheet(SXSSFWorkbook workbook, Palette palette, LinkRecorder links) {
    this.workbook = workbook;
    this.links = links;
    this.sheet = workbook.createSheet(NAME);
    this.palette = palette;
    sheet.setColumnWidth(0, 40 * 256);
    for (int column = 1; column <= LAST_COLUMN; column++) {
      sheet.setColumnWidth(column, 16 * 256);
    }
  }

  void write(RunInfo run, RunTotals totals, List<TopFindings.Row> topFindings) {
    write(run, totals, topFindings, null, null);
  }

  /**
   * @param compliance the verdict counts against the run's profile, or null
   * @param profileProblem why the run's profile could not be loaded, or null
   */
  void write(RunInfo run, RunTotals totals, List<TopFindings.Row> topFindings, ComplianceTotals compliance,
      String profileProblem) {
    row().text("mailsweep e-mail security compliance report", palette.title());
    notes(totals);
    skipRow();
    metadata(run);
    skipRow();
    inputTotals(totals);
    skipRow();
    overall(totals);
    skipRow();
    perCheck(run, totals);
    skipRow();
    if (compliance != null) {
      compliance(compliance);
      skipRow();
    } else if (profileProblem != null) {
      label("Note: no compliance verdicts: " + profileProblem, null);
      skipRow();
    }
    topFindings(topFindings);
    skipRow();
    nextRow = SummaryCharts.draw(workbook.getXSSFWorkbook().getSheet(NAME), nextRow, run, totals, compliance);
    PrintLayout.area(workbook, sheet, nextRow - 1, LAST_COLUMN);
  }

  private void notes(RunTotals totals) {
    if (totals.overall(Status.INCONCLUSIVE) > 0) {
      label("Note: " + INCONCLUSIVE_NOTE, null);
    }
    if (totals.notScanned() > 0) {
      label("Note: " + totals.notScanned() + " accepted domains were not scanned (the run did"
          + " not reach them); the Domains sheet shows them as \"not scanned\".", null);
    }
  }

  private void metadata(RunInfo run) {
    row().text("Run", palette.header());
    label("Run id", Long.toString(run.id()));
    label("Job name", run.jobName());
    label("Input file", run.inputFile());
    label("Input SHA-256", run.inputSha256());
    label("Domain column", run.domainColumn());
    label("Resolvers", run.resolvers());
    label("Resolver health", run.resolverHealth());
    label("Checks", run.checks().stream().map(RunInfo::checkHeader).collect(Collectors.joining(", ")));
    label("Tool version", run.toolVersion());
    label("Started (UTC)", Utc.format(run.startedAt()));
    label("Finished (UTC)", Utc.format(run.finishedAt()));
    label("Status", run.statusText());
  }

  private void inputTotals(RunTotals totals) {
    row().text("Input", palette.header());
    row().text("Rows read").number(totals.rowsRead());
    row().text("Accepted").number(totals.rows("ACCEPTED"));
    row().text("Duplicates").number(totals.rows("DUPLICATE"));
    row().text("Rejected").number(totals.rows("REJECTED"));
    row().text("Domains scanned").number(totals.scanned());
    row().text("Not scanned").number(totals.notScanned());
  }

  private void overall(RunTotals totals) {
    row().text("Overall status", palette.header()).text("Domains", palette.numberHeader())
        .text("Share", palette.numberHeader());
    for (Status status : StatusNames.DISPLAY_ORDER) {
      RowCursor row = row().text(status.name(), palette.status(status)).number(totals.overall(status));
      if (totals.scanned() > 0) {
        row.percent((double) totals.overall(status) / totals.scanned());
      }
    }
  }

  private void perCheck(RunInfo run, RunTotals totals) {
    RowCursor header = row().text("Check", palette.header());
    StatusNames.DISPLAY_ORDER.forEach(status -> header.text(status.name(), palette.status(status)));
    header.text("Pass rate", palette.numberHeader());
    for (String check : run.checks()) {
      RowCursor counts = row().text(RunInfo.checkHeader(check));
      StatusNames.DISPLAY_ORDER.forEach(status -> counts.number(totals.perCheck(check, status)));
      Double rate = totals.passRate(check);
      if (rate == null) {
        counts.text("n/a");
      } else {
        counts.percent(rate);
      }
    }
    label(PASS_RATE_NOTE, null);
  }

  private void compliance(ComplianceTotals c) {
    row().text("Compliance with profile " + c.profile().name(), palette.header())
        .text("Domains", palette.numberHeader()).text("Share", palette.numberHeader());
    label("Profile", c.profile().title());
    for (Compliance verdict : Compliance.values()) {
      RowCursor row = row().text(verdict.name(), palette.status(verdict.name())).number(c.verdicts(verdict));
      if (c.judged() > 0) {
        row.percent((double) c.verdicts(verdict) / c.judged());
      }
    }
    if (c.notScanned() > 0) {
      row().text("Not scanned").number(c.notScanned());
    }
    skipRow();
    RowCursor header = row().text("Rule", palette.header());
    StatusNames.DISPLAY_ORDER.forEach(status -> header.text(status.name(), palette.status(status)));
    header.text("Pass rate", palette.numberHeader());
    for (Rule rule : c.profile().rules()) {
      RowCursor counts = row().text(rule.id() + ": " + rule.title());
      StatusNames.DISPLAY_ORDER.forEach(status -> counts.number(c.rule(rule.id(), status)));
      Double rate = c.passRate(rule.id());
      if (rate == null) {
        counts.text("n/a");
      } else {
        counts.percent(rate);
      }
    }
    label("A domain with an inconclusive check is never counted compliant. Rules and their logic:"
        + " 'mailsweep profiles " + c.profile().name() + "'.", null);
  }

  private void topFindings(List<TopFindings.Row> rows) {
    row().text("Top " + TopFindings.LIMIT + " findings", palette.header());
    if (rows.isEmpty()) {
      row().text("No findings.");
      return;
    }
    row().text("Code", palette.header()).text("Check", palette.header()).text("Severity", palette.header())
        .text("Findings", palette.numberHeader()).text("Domains", palette.numberHeader())
        .text("Reference", palette.header());
    for (TopFindings.Row finding : rows) {
      int row = nextRow;
      row().text(finding.code(), palette.top()).text(RunInfo.checkHeader(finding.check()), palette.top())
          .text(finding.severity(), palette.top()).number(finding.findings()).number(finding.domains())
          .link(finding.reference(), References.url(finding.reference()), links);
      sheet.addMergedRegion(new CellRangeAddress(row, row, LAST_COLUMN - 1, LAST_COLUMN));
      sheet.getRow(row).setHeightInPoints(TextHeight.points(TextHeight.lines(finding.reference(), 2 * 16)));
    }
  }

  /**
   * A label and its value, or a note ({@code value} null) across the whole width. Text wider than
   * the columns it may run over (B-G for a value, A-G for a note) wraps on merged cells, in a row
   * made tall enough for it.
   */
  private void label(String label, String value) {
    boolean note = value == null;
    String text = note ? label : value;
    int width = note ? NOTE_WIDTH_CHARS : VALUE_WIDTH_CHARS;
    if (text.length() <= width) {
      row().text(label).text(value);
      return;
    }
    int row = nextRow;
    RowCursor cursor = row();
    if (!note) {
      cursor.text(label, palette.top());
    }
    cursor.text(text, palette.wrapped());
    sheet.addMergedRegion(new CellRangeAddress(row, row, note ? 0 : 1, LAST_COLUMN));
    sheet.getRow(row).setHeightInPoints(TextHeight.points(TextHeight.lines(text, width)));
  }

  private RowCursor row() {
    return RowCursor.of(sheet.createRow(nextRow++), palette);
  }

  private void skipRow() {
    nextRow++;
  }
}
