package io.mailsweep.report;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The workbook's hyperlinks, kept out of memory: each sheet's links go to a temporary file as they
 * are written, and {@link PackageFinisher} puts them into the finished file. POI would hold every
 * hyperlink of a sheet as XML objects until the end (some 3 KB each, 190 MB for Excel's 65,530 per
 * sheet), which a streamed workbook cannot afford.
 */
final class LinkRecorder implements Closeable {

  /** One sheet's links: its part in the package and the file of {@code CELL<TAB>URL} lines. */
  static final class SheetLinks {
    final String entryName;
    final Path file;
    private final BufferedWriter out;
    private int count;

    private SheetLinks(String entryName, Path file) throws IOException {
      this.entryName = entryName;
      this.file = file;
      this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    int count() {
      return count;
    }
  }

  private final Path dir;
  private final Map<String, SheetLinks> sheets = new LinkedHashMap<>();

  /** @param dir where the temporary files go */
  LinkRecorder(Path dir) {
    this.dir = dir;
  }

  /**
   * Links the cell at {@code row}, {@code column} of {@code sheet} to {@code url}, an absolute
   * http(s) URI without whitespace (others are ignored: the cell stays plain text).
   */
  void add(Sheet sheet, int row, int column, String url) {
    if (!linkable(url)) {
      return;
    }
    try {
      SheetLinks links = sheets.get(sheet.getSheetName());
      if (links == null) {
        links = new SheetLinks(entryName(sheet), Files.createTempFile(dir, ".links-", ".tmp"));
        sheets.put(sheet.getSheetName(), links);
      }
      links.out.write(new CellReference(row, column).formatAsString(false));
      links.out.write('\t');
      links.out.write(url);
      links.out.write('\n');
      links.count++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An absolute http or https URI, without whitespace or control characters. */
  static boolean linkable(String url) {
    if (url == null || url.isEmpty() || url.chars().anyMatch(c -> c <= ' ' || c == 0x7F)) {
      return false;
    }
    try {
      URI uri = new URI(url);
      return uri.getHost() != null && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
    } catch (URISyntaxException malformed) {
      return false;
    }
  }

  boolean isEmpty() {
    return sheets.isEmpty();
  }

  /** The recorded sheets by package entry name, e.g. {@code xl/worksheets/sheet3.xml}; files flushed. */
  Map<String, SheetLinks> byEntry() throws IOException {
    Map<String, SheetLinks> out = new LinkedHashMap<>();
    for (SheetLinks links : sheets.values()) {
      links.out.flush();
      out.put(links.entryName, links);
    }
    return out;
  }

  /** Deletes the temporary files. */
  @Override
  public void close() throws IOException {
    for (SheetLinks links : sheets.values()) {
      links.out.close();
      Files.deleteIfExists(links.file);
    }
  }

  private static String entryName(Sheet sheet) {
    XSSFSheet xssf = sheet instanceof SXSSFSheet streamed
        ? streamed.getWorkbook().getXSSFWorkbook().getSheet(sheet.getSheetName())
        : (XSSFSheet) sheet;
    return xssf.getPackagePart().getPartName().getName().substring(1);
  }
}
