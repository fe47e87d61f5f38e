package io.mailsweep.report;

import io.mailsweep.check.Status;
import java.time.OffsetDateTime;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The first sheet: what was run, on what input, and how it came out. Section by section: run
 * metadata, input totals, overall status counts, then a check-by-status table.
 */
final class SummarySheet {

  static final String NAME = "Summary";
  static final String INCONCLUSIVE_NOTE =
      "INCONCLUSIVE means the result could not be determined (for example a DNS timeout, a"
          + " failing resolver or an unreachable server). It does not mean non-compliant.";

  private final Sheet sheet;
  private final Palette palette;
  private int nextRow;

  SummarySheet(SXSSFWorkbook workbook, Palette palette) {
    this.sheet = workbook.createSheet(NAME);
    this.palette = palette;
    sheet.setColumnWidth(0, 28 * 256);
    for (int column = 1; column <= StatusNames.DISPLAY_ORDER.size(); column++) {
      sheet.setColumnWidth(column, 16 * 256);
    }
  }

  void write(RunInfo run, RunTotals totals) {
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
  }

  private void notes(RunTotals totals) {
    if (totals.overall(Status.INCONCLUSIVE) > 0) {
      row().text("Note: " + INCONCLUSIVE_NOTE);
    }
    if (totals.notScanned() > 0) {
      row().text("Note: " + totals.notScanned() + " accepted domains were not scanned (the run did"
          + " not reach them); the Domains sheet shows them as \"not scanned\".");
    }
  }

  private void metadata(RunInfo run) {
    row().text("Run", palette.header());
    row().text("Run id").number(run.id());
    label("Job name", run.jobName());
    label("Input file", run.inputFile());
    label("Input SHA-256", run.inputSha256());
    label("Domain column", run.domainColumn());
    label("Resolvers", run.resolvers());
    label("Resolver health", run.resolverHealth());
    label("Checks", run.checks().stream().map(RunInfo::checkHeader).collect(Collectors.joining(", ")));
    label("Tool version", run.toolVersion());
    label("Started (UTC)", utc(run.startedAt()));
    label("Finished (UTC)", utc(run.finishedAt()));
    label("Status", run.status());
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
    row().text("Overall status", palette.header()).text("Domains", palette.header());
    for (Status status : StatusNames.DISPLAY_ORDER) {
      row().text(status.name(), palette.status(status)).number(totals.overall(status));
    }
  }

  private void perCheck(RunInfo run, RunTotals totals) {
    RowCursor header = row().text("Check", palette.header());
    StatusNames.DISPLAY_ORDER.forEach(status -> header.text(status.name(), palette.status(status)));
    for (String check : run.checks()) {
      RowCursor counts = row().text(RunInfo.checkHeader(check));
      StatusNames.DISPLAY_ORDER.forEach(status -> counts.number(totals.perCheck(check, status)));
    }
  }

  private void label(String label, String value) {
    row().text(label).text(value);
  }

  private static String utc(OffsetDateTime time) {
    return time == null ? null : time.toInstant().toString();
  }

  private RowCursor row() {
    return new RowCursor(sheet.createRow(nextRow++), palette);
  }

  private void skipRow() {
    nextRow++;
  }
}
