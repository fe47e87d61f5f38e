package io.mailsweep.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;

/**
 * Fills one row left to right. Every string goes through {@link SafeText} and becomes a text cell,
 * never a formula, whatever it looks like; numbers are written only from numeric columns. A row is
 * either a POI row ({@link #of}, for the small sheets laid out cell by cell) or a row of a table
 * streamed as XML ({@link SheetRows.Cursor}).
 */
abstract class RowCursor implements CellSink {

  final Palette palette;
  private int column;

  RowCursor(Palette palette) {
    this.palette = palette;
  }

  /** A cursor over a POI row. */
  static RowCursor of(Row row, Palette palette) {
    return new PoiRow(row, palette);
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
    textCell(column++, SafeText.clean(text), style);
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
    numberCell(column++, value, style);
    return this;
  }

  /** A fraction from 0 to 1 shown as a percentage. */
  RowCursor percent(double fraction) {
    numberCell(column++, fraction, palette.percent());
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
    linkCell(column, url, links);
    return text(text, palette.link());
  }

  /** Sets the row's height, before its first cell; rows are otherwise as tall as the application decides. */
  abstract RowCursor height(float points);

  @Override
  public RowCursor skip() {
    column++;
    return this;
  }

  /** Writes a text cell; {@code text} is clean ({@link SafeText}), {@code style} null for the default. */
  abstract void textCell(int column, String text, CellStyle style);

  abstract void numberCell(int column, double value, CellStyle style);

  /** Records a link from the cell at {@code column}. */
  abstract void linkCell(int column, String url, LinkRecorder links);

  private static final class PoiRow extends RowCursor {
    private final Row row;

    PoiRow(Row row, Palette palette) {
      super(palette);
      this.row = row;
    }

    @Override
    RowCursor height(float points) {
      row.setHeightInPoints(points);
      return this;
    }

    @Override
    void textCell(int column, String text, CellStyle style) {
      style(row.createCell(column), style).setCellValue(text);
    }

    @Override
    void numberCell(int column, double value, CellStyle style) {
      style(row.createCell(column), style).setCellValue(value);
    }

    @Override
    void linkCell(int column, String url, LinkRecorder links) {
      links.add(row.getSheet(), row.getRowNum(), column, url);
    }

    private static Cell style(Cell cell, CellStyle style) {
      if (style != null) {
        cell.setCellStyle(style);
      }
      return cell;
    }
  }
}
