package io.mailsweep.report;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * How the workbook prints, so that it can be filed as a document: every sheet landscape, fitted to
 * the page width (as many pages down as needed; a very wide table to a few pages side by side), with
 * a page header naming the run, the sheet and the start time and a footer with the page number;
 * tables repeat their header row on every page and print their grid lines; every sheet has a print
 * area.
 */
final class PrintLayout {

  /**
   * Column-width characters printed across one landscape page: about 65 % scale on A4 or Letter,
   * where an 11-point font prints at 7 points.
   */
  static final int CHARS_PER_PAGE = 200;

  private static final int MAX_JOB_NAME_CHARS = 80;

  private PrintLayout() {}

  /**
   * A table sheet: header row repeated on every page, grid lines, print area rows 0..lastRow. A
   * table wider than {@link #CHARS_PER_PAGE} prints on as many pages side by side as it needs, each
   * repeating the first {@code keyColumns} columns (and ordered across, then down), so that text
   * stays readable instead of shrinking to fit one page.
   */
  static void table(Workbook workbook, Sheet sheet, int lastRow, List<Column> columns, int keyColumns) {
    int keys = Math.min(keyColumns, columns.size());
    int total = columns.stream().mapToInt(Column::width).sum();
    int keyWidth = columns.subList(0, keys).stream().mapToInt(Column::width).sum();
    int pagesWide = Math.max(1, ceilDiv(total - keyWidth, Math.max(CHARS_PER_PAGE - keyWidth, 1)));
    sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
    sheet.setPrintGridlines(true);
    fit(sheet, pagesWide);
    if (pagesWide > 1) {
      sheet.getPrintSetup().setLeftToRight(true);
      if (keys > 0) {
        sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, keys - 1));
      }
    }
    area(workbook, sheet, lastRow, columns.size() - 1);
  }

  /** Sets the print area of {@code sheet} to rows and columns from 0 to the given last ones. */
  static void area(Workbook workbook, Sheet sheet, int lastRow, int lastColumn) {
    workbook.setPrintArea(workbook.getSheetIndex(sheet), 0, Math.max(lastColumn, 0), 0, Math.max(lastRow, 0));
  }

  /**
   * Page header and footer on every sheet of {@code workbook}; sheets that {@link #table} did not
   * lay out print landscape on one page width.
   */
  static void pages(Workbook workbook, RunInfo run) {
    String left = "mailsweep run " + run.id() + jobName(run.jobName());
    String right = started(run.startedAt());
    for (Sheet sheet : workbook) {
      if (!sheet.getFitToPage()) {
        fit(sheet, 1);
      }
      sheet.getHeader().setLeft(left);
      sheet.getHeader().setCenter("&A");
      sheet.getHeader().setRight(right);
      sheet.getFooter().setCenter("Page &P of &N");
    }
  }

  /** Landscape, scaled to {@code pagesWide} pages across and as many down as needed. */
  private static void fit(Sheet sheet, int pagesWide) {
    sheet.setFitToPage(true);
    PrintSetup setup = sheet.getPrintSetup();
    setup.setLandscape(true);
    setup.setFitWidth((short) pagesWide);
    setup.setFitHeight((short) 0);
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  private static String jobName(String name) {
    if (name == null || name.isBlank()) {
      return "";
    }
    String shown = name.length() > MAX_JOB_NAME_CHARS ? name.substring(0, MAX_JOB_NAME_CHARS) + "…" : name;
    return " · " + escape(SafeText.clean(shown));
  }

  private static String started(OffsetDateTime time) {
    return time == null ? "" : "started " + Utc.format(time);
  }

  /** "&" starts a code in header and footer text; "&&" is a literal ampersand. */
  static String escape(String text) {
    return text.replace("&", "&&");
  }
}
