package io.mailsweep.report;

import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A table that may outgrow one sheet: each sheet gets the same bold, frozen header row, fixed
 * column widths, an autofilter over its used range and the table print layout ({@link
 * PrintLayout#table}: header row on every page, print area); when a sheet holds {@code maxRows} rows
 * (header included) the table continues on "Name (2)", "Name (3)", and so on.
 */
final class PagedSheet {

  private final SXSSFWorkbook workbook;
  private final Palette palette;
  private final String name;
  private final List<Column> columns;
  private final int frozenColumns;
  private final int maxRows;
  private SXSSFSheet sheet;
  private int page;
  private int nextRow;

  PagedSheet(SXSSFWorkbook workbook, Palette palette, String name, List<Column> columns,
      int frozenColumns, int maxRows) {
    this.workbook = workbook;
    this.palette = palette;
    this.name = name;
    this.columns = List.copyOf(columns);
    this.frozenColumns = frozenColumns;
    this.maxRows = maxRows;
  }

  /** The next data row, on a new continuation sheet if the current one is full. */
  RowCursor nextRow() {
    if (sheet == null || nextRow >= maxRows) {
      closePage();
      openPage();
    }
    return new RowCursor(sheet.createRow(nextRow++), palette);
  }

  /** The number of the sheet the last row went to: 1 for "Name", 2 for "Name (2)", ... */
  int page() {
    return page;
  }

  /** Completes the last sheet; a table without rows still gets its sheet and header. */
  void finish() {
    if (sheet == null) {
      openPage();
    }
    closePage();
  }

  private void openPage() {
    page++;
    sheet = workbook.createSheet(page == 1 ? name : name + " (" + page + ")");
    Row header = sheet.createRow(0);
    for (int i = 0; i < columns.size(); i++) {
      header.createCell(i).setCellValue(SafeText.clean(columns.get(i).header()));
      header.getCell(i).setCellStyle(palette.header());
      sheet.setColumnWidth(i, columns.get(i).width() * 256);
    }
    sheet.createFreezePane(frozenColumns, 1);
    nextRow = 1;
  }

  private void closePage() {
    if (sheet != null) {
      sheet.setAutoFilter(new CellRangeAddress(0, nextRow - 1, 0, columns.size() - 1));
      PrintLayout.table(workbook, sheet, nextRow - 1, columns, frozenColumns);
    }
  }
}
