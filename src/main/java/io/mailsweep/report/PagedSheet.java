package io.mailsweep.report;

import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * A table that may outgrow one sheet: each sheet gets the same bold, frozen header row, fixed
 * column widths, an autofilter over its used range and the table print layout ({@link
 * PrintLayout#table}: header row on every page, print area); when a sheet holds {@code maxRows} rows
 * (header included) the table continues on "Name (2)", "Name (3)", and so on.
 *
 * <p>The rows are streamed as XML ({@link SheetRows}); the sheet itself, with its layout, is an
 * empty POI sheet that the rows are put into when the package is finished ({@link
 * FastDeflateWorkbook#streamed}).
 */
final class PagedSheet {

  private final FastDeflateWorkbook workbook;
  private final Palette palette;
  private final String name;
  private final List<Column> columns;
  private final int frozenColumns;
  private final int maxRows;
  private SXSSFSheet sheet;
  private SheetRows rows;
  private int page;

  PagedSheet(FastDeflateWorkbook workbook, Palette palette, String name, List<Column> columns,
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
    if (rows == null || rows.rows() >= maxRows) {
      closePage();
      openPage();
    }
    return rows.next();
  }

  /** The number of the sheet the last row went to: 1 for "Name", 2 for "Name (2)", ... */
  int page() {
    return page;
  }

  /** Completes the last sheet; a table without rows still gets its sheet and header. */
  void finish() {
    if (rows == null) {
      openPage();
    }
    closePage();
  }

  private void openPage() {
    page++;
    sheet = workbook.createSheet(page == 1 ? name : name + " (" + page + ")");
    rows = workbook.rows(sheet, palette);
    RowCursor header = rows.next();
    for (int i = 0; i < columns.size(); i++) {
      header.text(columns.get(i).header(), palette.header());
      sheet.setColumnWidth(i, columns.get(i).width() * 256);
    }
    sheet.createFreezePane(frozenColumns, 1);
  }

  private void closePage() {
    if (rows != null) {
      int lastRow = rows.rows() - 1;
      sheet.setAutoFilter(new CellRangeAddress(0, lastRow, 0, columns.size() - 1));
      PrintLayout.table(workbook, sheet, lastRow, columns, frozenColumns);
      workbook.finish(sheet, rows, new CellRangeAddress(0, lastRow, 0, columns.size() - 1));
      rows = null;
    }
  }
}
