package io.mailsweep.report;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * A streaming workbook that compresses with the fastest deflate level, both the temporary sheet
 * files and the finished package. The sheet XML of a large run is gigabytes of highly repetitive
 * text (the same tags, check names and remediation texts on every row): at the default level
 * deflate was a quarter of the CPU time of writing the workbook, at level 1 it is a fraction of
 * that, for a file about 40% larger.
 *
 * <p>Tables ({@link PagedSheet}) do not go through POI's rows at all: their rows are written as
 * XML into deflated pieces ({@link #rows}), their sheets stay empty here and get their rows when
 * the package is finished ({@link PackageFinisher}), so that the rows are compressed once and never
 * read back.
 */
final class FastDeflateWorkbook extends SXSSFWorkbook {

  /** The deflate level of the package and of the temporary sheet files. */
  static final int LEVEL = Deflater.BEST_SPEED;

  private static final int BUFFER = 64 << 10;

  /** A table's sheet: its empty POI sheet, the rows written for it and the range they cover. */
  record Streamed(XSSFSheet sheet, DeflatedPiece rows, CellRangeAddress dimension) {}

  private final Path pieceDir;
  private final Map<String, Streamed> streamed = new LinkedHashMap<>();
  private final List<SheetRows> open = new ArrayList<>();

  /**
   * @param pieceDir where the rows of tables are kept until the package is finished
   */
  FastDeflateWorkbook(int rowAccessWindow, Path pieceDir) {
    super(rowAccessWindow);
    this.pieceDir = pieceDir;
  }

  /** A writer of the rows of {@code sheet}, a sheet of this workbook; {@link #finish} it when done. */
  SheetRows rows(SXSSFSheet sheet, Palette palette) {
    try {
      SheetRows rows = new SheetRows(Files.createTempFile(pieceDir, ".sheet-", ".tmp"), palette, sheet);
      open.add(rows);
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ends the rows of {@code sheet}, which cover {@code dimension}; they go into its part in the package. */
  void finish(SXSSFSheet sheet, SheetRows rows, CellRangeAddress dimension) {
    XSSFSheet template = getXSSFWorkbook().getSheet(sheet.getSheetName());
    streamed.put(template.getPackagePart().getPartName().getName().substring(1),
        new Streamed(template, rows.finish(), dimension));
    open.remove(rows);
  }

  /** The streamed tables' sheets by package entry name, e.g. {@code xl/worksheets/sheet3.xml}. */
  Map<String, Streamed> streamed() {
    return Collections.unmodifiableMap(streamed);
  }

  /** POI sizes each sheet by its own rows, of which a streamed sheet has none: it gets its rows' range. */
  @Override
  protected void flushSheets() throws IOException {
    super.flushSheets();
    for (Streamed table : streamed.values()) {
      table.sheet().setDimensionOverride(table.dimension());
    }
  }

  /** Also deletes the tables' rows. */
  @Override
  public void close() throws IOException {
    try {
      super.close();
    } finally {
      for (SheetRows rows : open) {
        rows.close();
        Files.deleteIfExists(rows.file());
      }
      for (Streamed table : streamed.values()) {
        Files.deleteIfExists(table.rows().file());
      }
    }
  }

  @Override
  protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream stream) {
    ZipArchiveOutputStream zip = super.createArchiveOutputStream(stream);
    zip.setLevel(LEVEL);
    return zip;
  }

  @Override
  protected SheetDataWriter createSheetDataWriter() throws IOException {
    return new DeflatedSheetData();
  }

  /**
   * Temporary sheet data deflated at {@link #LEVEL}; the deflater and inflater release their
   * native memory when their streams close (the JDK's streams do so only for their own).
   */
  static final class DeflatedSheetData extends SheetDataWriter {

    DeflatedSheetData() throws IOException {
      super();
    }

    @Override
    protected OutputStream decorateOutputStream(FileOutputStream file) {
      Deflater deflater = new Deflater(LEVEL, true);
      return new DeflaterOutputStream(file, deflater, BUFFER) {
        @Override
        public void close() throws IOException {
          try {
            super.close();
          } finally {
            deflater.end();
          }
        }
      };
    }

    /**
     * Writes {@code text} escaped exactly as POI's own method does (the five XML specials, line
     * breaks, tab and no-break space as character references; other control characters and the
     * non-characters U+FFFE and U+FFFF as '?'), but in runs: the characters between two escapes go
     * to the writer in one call instead of one call per code point.
     */
    @Override
    protected void outputEscapedString(String text) throws IOException {
      if (text == null) {
        return;
      }
      int run = 0;
      for (int i = 0; i < text.length(); i++) {
        String escape = escape(text.charAt(i));
        if (escape != null) {
          _out.write(text, run, i - run);
          _out.write(escape);
          run = i + 1;
        }
      }
      _out.write(text, run, text.length() - run);
    }

    /** What POI writes for {@code c}, or null when it writes the character itself. */
    static String escape(char c) {
      return switch (c) {
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '&' -> "&amp;";
        case '"' -> "&quot;";
        case '\n' -> "&#xa;";
        case '\r' -> "&#xd;";
        case '\t' -> "&#x9;";
        case '\u00A0' -> "&#xa0;";
        default -> c < ' ' || c >= '\uFFFE' ? "?" : null;
      };
    }

    @Override
    protected InputStream decorateInputStream(FileInputStream file) {
      Inflater inflater = new Inflater(true);
      return new InflaterInputStream(file, inflater, BUFFER) {
        @Override
        public void close() throws IOException {
          try {
            super.close();
          } finally {
            inflater.end();
          }
        }
      };
    }
  }
}
