package io.mailsweep.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;

/**
 * Fills one row left to right. Every string goes through {@link SafeText} and becomes a text cell,
 * never a formula, whatever it looks like; numbers are written only from numeric columns.
 */
final class RowCursor implements CellSink {

  private final Row row;
  private final Palette palette;
  private int column;

  RowCursor(Row row, Palette palette) {
    this.row = row;
    this.palette = palette;
  }

  /** A text cell; null or empty text leaves the cell blank. */
  @Override
  public RowCursor text(String text) {
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
  @Override
  public RowCursor status(String statusName) {
    return text(statusName, palette.status(statusName));
  }

  /** A number, centred. */
  @Override
  public RowCursor number(long value) {
    return number(value, palette.number());
  }

  /** A number in {@code style} (null: default). */
  RowCursor number(long value, CellStyle style) {
    Cell cell = row.createCell(column++);
    cell.setCellValue(value);
    if (style != null) {
      cell.setCellStyle(style);
    }
    return this;
  }

  /** A fraction from 0 to 1 shown as a percentage. */
  RowCursor percent(double fraction) {
    Cell cell = row.createCell(column++);
    cell.setCellValue(fraction);
    cell.setCellStyle(palette.percent());
    return this;
  }

  /**
   * A text cell that opens {@code url} when clicked, in the link style; wrapped plain text when
   * {@code url} is null. The text stays the cell's value; the link is recorded in {@code links},
   * never written as a formula.
   */
  RowCursor link(String text, String url, LinkRecorder links) {
    if (url == null || text == null || text.isEmpty()) {
      return text(text, palette.wrapped());
    }
    links.add(row.getSheet(), row.getRowNum(), column, url);
    return text(text, palette.link());
  }

  /** Sets the row's height; rows are otherwise as tall as the application decides. */
  RowCursor height(float points) {
    row.setHeightInPoints(points);
    return this;
  }

  @Override
  public RowCursor skip() {
    column++;
    return this;
  }
}
