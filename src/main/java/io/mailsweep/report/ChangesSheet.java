package io.mailsweep.report;

import io.mailsweep.check.Status;
import io.mailsweep.history.Change;
import io.mailsweep.history.ChangeKind;
import io.mailsweep.history.Drift;
import io.mailsweep.store.ScanRun;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The Changes sheet: what changed since the previous run of the same job (the newest COMPLETED
 * run of the job started before this one), one row per change as {@code mailsweep diff} prints
 * them. Row 1 names the run compared with, row 2 is the header; both repeat on continuation sheets
 * "Changes (2)", ... once a sheet holds {@code maxRows} rows.
 */
final class ChangesSheet {

  static final String NAME = "Changes";
  static final List<Column> COLUMNS = List.of(
      new Column("Domain", 40),
      new Column("Change", 22),
      new Column("Check", 10),
      new Column("Before", 30),
      new Column("After", 30),
      new Column("Detail", 80));
  /** Title and header: the rows above the first change of each sheet. */
  static final int TOP_ROWS = 2;
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final SXSSFWorkbook workbook;
  private final Palette palette;
  private final int maxRows;
  private String title;
  private SXSSFSheet sheet;
  private int page;
  private int nextRow;

  /** @param maxRows rows per sheet, title and header included; at least one change fits on each */
  ChangesSheet(SXSSFWorkbook workbook, Palette palette, int maxRows) {
    this.workbook = workbook;
    this.palette = palette;
    this.maxRows = Math.max(TOP_ROWS + 1, maxRows);
  }

  /** Writes the changes from run {@code runId}'s previous run to it, or says there is no such run. */
  void write(Drift drift, long runId) {
    ScanRun run = drift.run(runId);
    Optional<ScanRun> previous = drift.previous(runId);
    if (previous.isEmpty()) {
      title = "No earlier completed run of job " + run.jobName() + " to compare with.";
    } else {
      ScanRun p = previous.get();
      title = "Changes since run " + p.id() + " of job " + p.jobName() + ", started "
          + UTC.format(p.startedAt()) + " (this is run " + run.id() + ").";
      drift.compare(p.id(), runId, this::add);
    }
    finish();
  }

  /** Writes the given changes under {@code heading}: for callers that compare runs themselves. */
  void write(String heading, Iterable<Change> changes) {
    title = heading;
    changes.forEach(this::add);
    finish();
  }

  private void add(Change c) {
    if (sheet == null || nextRow >= maxRows) {
      closePage();
      openPage();
    }
    RowCursor.of(sheet.createRow(nextRow++), palette)
        .text(c.domain())
        .text(c.kind().label(), palette.status(tone(c.kind())))
        .text(c.check() == null ? null : RunInfo.checkHeader(c.check()))
        .text(c.before())
        .text(c.after())
        .text(c.detail());
  }

  /** The status colour a change is filled with: red for worse, green for better. */
  private static Status tone(ChangeKind kind) {
    return switch (kind) {
      case NEWLY_NON_COMPLIANT, POLICY_DOWNGRADED, STATUS_WORSE -> Status.FAIL;
      case FINDING_NEW, CERTIFICATE_EXPIRING, CERTIFICATE_CHANGED, DOMAIN_REMOVED -> Status.WARN;
      case NEWLY_COMPLIANT, POLICY_UPGRADED, STATUS_BETTER, FINDING_RESOLVED -> Status.PASS;
      case STATUS_INCONCLUSIVE -> Status.INCONCLUSIVE;
      default -> Status.NOT_APPLICABLE;
    };
  }

  private void finish() {
    if (sheet == null) {
      openPage();
    }
    closePage();
  }

  private void openPage() {
    page++;
    sheet = workbook.createSheet(page == 1 ? NAME : NAME + " (" + page + ")");
    Row top = sheet.createRow(0);
    top.createCell(0).setCellValue(SafeText.clean(page == 1 ? title : title + " (continued)"));
    top.getCell(0).setCellStyle(palette.header());
    Row header = sheet.createRow(1);
    for (int i = 0; i < COLUMNS.size(); i++) {
      header.createCell(i).setCellValue(COLUMNS.get(i).header());
      header.getCell(i).setCellStyle(palette.header());
      sheet.setColumnWidth(i, COLUMNS.get(i).width() * 256);
    }
    sheet.createFreezePane(1, TOP_ROWS);
    nextRow = TOP_ROWS;
  }

  private void closePage() {
    if (sheet != null) {
      sheet.setAutoFilter(new CellRangeAddress(1, nextRow - 1, 0, COLUMNS.size() - 1));
      PrintLayout.table(workbook, sheet, nextRow - 1, COLUMNS, 1);
      sheet.setRepeatingRows(new CellRangeAddress(0, TOP_ROWS - 1, -1, -1));
    }
  }
}
