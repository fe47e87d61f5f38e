package io.mailsweep.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;

/**
 * One worksheet's rows written as SpreadsheetML straight from the values, deflated once into a
 * temporary file ({@link DeflatedPiece.Writer}) that is later copied into the package as it is.
 * The XML is byte for byte what POI's streaming sheet writer makes of the same cells (inline
 * strings, the same escapes, numbers as {@link Double#toString}, row heights in twips), without
 * its row and cell objects, its temporary file being inflated and deflated again when the package
 * is written, or a cell reference object per cell.
 *
 * <p>Rows are numbered from 0 and written in order; a row's height must be set before its first
 * cell ({@link Cursor}).
 */
final class SheetRows implements AutoCloseable {

  /** Characters escaped into the buffer at once: up to 6 bytes each (an escape), within its 64 KB. */
  private static final int CHUNK_CHARS = 4096;

  /**
   * What POI's sheet writer puts for each character up to the no-break space, the last it escapes
   * below U+FFFE; null for the character itself.
   */
  private static final String[] ESCAPES = new String['\u00A0' + 1];

  static {
    for (char c = 0; c < ESCAPES.length; c++) {
      ESCAPES[c] = FastDeflateWorkbook.DeflatedSheetData.escape(c);
    }
  }

  private final Path file;
  private final DeflatedPiece.Writer out;
  private final Palette palette;
  private final Sheet sheet;
  private final String[] columnNames = new String[64];
  private Cursor cursor;
  private int rows;
  private DeflatedPiece piece;

  /**
   * @param file the temporary file, deleted by whoever owns the finished piece
   * @param sheet the sheet the rows are for, which links are recorded against
   */
  SheetRows(Path file, Palette palette, Sheet sheet) throws IOException {
    this.file = file;
    this.out = new DeflatedPiece.Writer(file);
    this.palette = palette;
    this.sheet = sheet;
  }

  /** The next row, after the last one written; the previous cursor must not be used after this. */
  Cursor next() {
    endRow();
    cursor = new Cursor(rows++);
    return cursor;
  }

  Path file() {
    return file;
  }

  /** Rows written so far. */
  int rows() {
    return rows;
  }

  /** Ends the last row and the piece; the rows' compressed XML with its CRC and sizes. */
  DeflatedPiece finish() {
    if (piece == null) {
      endRow();
      try {
        piece = out.finish();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return piece;
  }

  /** Releases the deflater and closes the file (without finishing the piece if it was not). */
  @Override
  public void close() throws IOException {
    out.close();
  }

  private void endRow() {
    if (cursor != null) {
      cursor.end();
      cursor = null;
    }
  }

  /** Fills one row left to right; see {@link RowCursor}. */
  final class Cursor extends RowCursor {
    private final int row;
    private final String rowNumber;
    private int twips = -1;
    private boolean started;

    private Cursor(int row) {
      super(SheetRows.this.palette);
      this.row = row;
      this.rowNumber = Integer.toString(row + 1);
    }

    @Override
    RowCursor height(float points) {
      if (started) {
        throw new IllegalStateException("a row's height goes before its cells");
      }
      twips = points == -1 ? -1 : (short) (points * 20);
      return this;
    }

    @Override
    void textCell(int column, String text, CellStyle style) {
      cellStart(column, style);
      ascii(" t=\"inlineStr\"><is><t");
      if (!text.isEmpty()
          && (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1)))) {
        ascii(" xml:space=\"preserve\"");
      }
      ascii(">");
      escaped(text);
      ascii("</t></is></c>");
    }

    @Override
    void numberCell(int column, double value, CellStyle style) {
      cellStart(column, style);
      ascii(" t=\"n\"><v>");
      ascii(Double.toString(value));
      ascii("</v></c>");
    }

    @Override
    void linkCell(int column, String url, LinkRecorder links) {
      links.add(sheet, row, column, url);
    }

    private void cellStart(int column, CellStyle style) {
      start();
      ascii("<c r=\"");
      ascii(columnName(column));
      ascii(rowNumber);
      ascii("\"");
      if (style != null && style.getIndex() != 0) {
        ascii(" s=\"");
        ascii(Integer.toString(style.getIndex() & 0xffff));
        ascii("\"");
      }
    }

    private void start() {
      if (!started) {
        started = true;
        ascii("<row r=\"");
        ascii(rowNumber);
        ascii("\"");
        if (twips != -1) {
          ascii(" customHeight=\"1\" ht=\"");
          ascii(Float.toString((float) (twips / 20.0)));
          ascii("\"");
        }
        ascii(">\n");
      }
    }

    void end() {
      start();
      ascii("</row>\n");
    }
  }

  private String columnName(int column) {
    if (column >= columnNames.length) {
      return CellReference.convertNumToColString(column);
    }
    String name = columnNames[column];
    if (name == null) {
      name = CellReference.convertNumToColString(column);
      columnNames[column] = name;
    }
    return name;
  }

  /** Writes {@code text}, all of it ASCII. */
  private void ascii(String text) {
    try {
      int n = text.length();
      byte[] buffer = out.room(n);
      int at = out.used();
      for (int i = 0; i < n; i++) {
        buffer[at + i] = (byte) text.charAt(i);
      }
      out.advance(n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code text} in UTF-8, escaped as POI's sheet writer does: the five XML specials, line
   * breaks, tab and no-break space as character references; other control characters, U+FFFE,
   * U+FFFF and unpaired surrogates as '?'.
   */
  private void escaped(String text) {
    try {
      int from = 0;
      while (from < text.length()) {
        int to = Math.min(text.length(), from + CHUNK_CHARS);
        if (to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))) {
          to++;
        }
        escaped(text, from, to);
        from = to;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@link #escaped(String)} of {@code text[from, to)}, at most {@link #CHUNK_CHARS} + 1 characters. */
  private void escaped(String text, int from, int to) throws IOException {
    byte[] buffer = out.room((to - from) * 6);
    int at = out.used();
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      String escape = c < ESCAPES.length ? ESCAPES[c] : null;
      if (escape != null) {
        at = put(buffer, at, escape);
      } else if (c < 0x80) {
        buffer[at++] = (byte) c;
      } else if (c < 0x800) {
        buffer[at++] = (byte) (0xC0 | c >> 6);
        buffer[at++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, text.charAt(++i));
          buffer[at++] = (byte) (0xF0 | cp >> 18);
          buffer[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
          buffer[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
          buffer[at++] = (byte) (0x80 | cp & 0x3F);
        } else {
          buffer[at++] = '?';
        }
      } else if (c >= '\uFFFE') {
        buffer[at++] = '?';
      } else {
        buffer[at++] = (byte) (0xE0 | c >> 12);
        buffer[at++] = (byte) (0x80 | c >> 6 & 0x3F);
        buffer[at++] = (byte) (0x80 | c & 0x3F);
      }
    }
    out.advance(at - out.used());
  }

  private static int put(byte[] buffer, int at, String ascii) {
    for (int k = 0; k < ascii.length(); k++) {
      buffer[at++] = (byte) ascii.charAt(k);
    }
    return at;
  }
}
