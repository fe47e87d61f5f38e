package io.mailsweep.report;

import java.time.OffsetDateTime;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * How the workbook prints, so that it can be filed as a document: every sheet landscape, fitted to
 * the page width (as many pages down as needed), with a page header naming the run and the sheet
 * and a footer with the page number; tables repeat their header row on every page and print their
 * grid lines; every sheet has a print area.
 */
final class PrintLayout {

  /** Excel's limit on the characters of a page header or footer, codes included. */
  static final int MAX_HEADER_CHARS = 255;

  private static final int MAX_JOB_NAME_CHARS = 80;

  private PrintLayout() {}

  /** A table sheet: header row repeated on every page, grid lines, print area rows 0..lastRow. */
  static void table(Workbook workbook, Sheet sheet, int lastRow, int lastColumn) {
    sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
    sheet.setPrintGridlines(true);
    area(workbook, sheet, lastRow, lastColumn);
  }

  /** Sets the print area of {@code sheet} to rows and columns from 0 to the given last ones. */
  static void area(Workbook workbook, Sheet sheet, int lastRow, int lastColumn) {
    workbook.setPrintArea(workbook.getSheetIndex(sheet), 0, Math.max(lastColumn, 0), 0, Math.max(lastRow, 0));
  }

  /** Landscape, fit to width, header and footer, on every sheet of {@code workbook}. */
  static void pages(Workbook workbook, RunInfo run) {
    String left = "mailsweep run " + run.id() + jobName(run.jobName());
    String right = started(run.startedAt());
    for (Sheet sheet : workbook) {
      sheet.setFitToPage(true);
      PrintSetup setup = sheet.getPrintSetup();
      setup.setLandscape(true);
      setup.setFitWidth((short) 1);
      setup.setFitHeight((short) 0);
      sheet.getHeader().setLeft(left);
      sheet.getHeader().setCenter("&A");
      sheet.getHeader().setRight(right);
      sheet.getFooter().setCenter("Page &P of &N");
    }
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
