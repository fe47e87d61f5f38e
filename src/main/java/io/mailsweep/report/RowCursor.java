package io.mailsweep.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;

/**
 * Fills one row left to right. Every string goes through {@link SafeText} and becomes a text cell,
 * never a formula, whatever it looks like; numbers are written only from numeric columns.
 */
final class RowCursor {

  private final Row row;
  private final Palette palette;
  private int column;

  RowCursor(Row row, Palette palette) {
    this.row = row;
    this.palette = palette;
  }

  /** A text cell; null or empty text leaves the cell blank. */
  RowCursor text(String text) {
    return text(text, null);
  }

  /** A text cell in {@code style} (null: default); null or empty text leaves the cell unstyled. */
  RowCursor text(String text, CellStyle style) {
    if (text == null || text.isEmpty()) {
      return skip();
    }
    Cell cell = row.createCell(column++);
    cell.setCellValue(SafeText.clean(text));
    if (style != null) {
      cell.setCellStyle(style);
    }
    return this;
  }

  /** A stored status name, filled with its status colour. */
  RowCursor status(String statusName) {
    return text(statusName, palette.status(statusName));
  }

  RowCursor number(long value) {
    row.createCell(column++).setCellValue(value);
    return this;
  }

  RowCursor skip() {
    column++;
    return this;
  }
}
