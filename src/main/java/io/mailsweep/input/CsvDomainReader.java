package io.mailsweep.input;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the records of a vendor CSV file, holding one record at a time.
 *
 * <p>The file is UTF-8 (a byte order mark is dropped; malformed bytes become U+FFFD and are left
 * for {@link DomainNormaliser} to reject). The delimiter is sniffed ({@link DelimiterSniffer}),
 * the header and domain column detected ({@link HeaderDetector}). Quoting follows RFC 4180 and
 * may span lines. Blank records and lines whose first non-blank character is '#' are skipped.
 * {@link CsvLimits} bound memory; breaking the record limit fails the file, breaking the field or
 * column limit marks the row ({@link InputRow#problem()}).
 *
 * <p>Not thread-safe.
 */
public final class CsvDomainReader implements Closeable {
  private static final char COMMENT = '#';

  private final String source;
  private final CsvLimits limits;
  private final char delimiter;
  private final BoundedLineReader lines;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final ColumnLayout layout;
  private InputRow pending;
  private InputException failure;

  private record Cells(long line, List<String> values) {}

  private CsvDomainReader(BufferedReader text, String source, String domainColumn,
      CsvLimits limits) throws IOException {
    this.source = source;
    this.limits = limits;
    TextFiles.skipBom(text);
    this.delimiter = DelimiterSniffer.sniff(text);
    this.lines = new BoundedLineReader(text, limits.maxRecordLength(), COMMENT);
    this.parser = format(delimiter).parse(lines);
    this.records = parser.iterator();
    Cells first = nextCells();
    this.layout = HeaderDetector.detect(first == null ? null : first.values(), domainColumn,
        new DomainNormaliser(), source, limits);
    if (first != null && !layout.headerRow()) {
      pending = layout.toRow(first.line(), first.values(), limits);
    }
  }

  /** Opens {@code file} with the default limits, detecting the domain column. */
  public static CsvDomainReader open(Path file) throws InputException {
    return open(file, null, CsvLimits.DEFAULTS);
  }

  /**
   * Opens {@code file} and reads as far as its first record.
   *
   * @param domainColumn the header name of the domain column (trimmed, any case), or null (or
   *     blank) to detect it
   * @throws InputException when the file cannot be read or has no such column
   */
  public static CsvDomainReader open(Path file, String domainColumn, CsvLimits limits)
      throws InputException {
    return open(TextFiles.openUtf8(file), file.toString(), domainColumn, limits);
  }

  /** As {@link #open(Path, String, CsvLimits)}, for decoded text; {@code source} names it. */
  static CsvDomainReader open(Reader text, String source, String domainColumn, CsvLimits limits)
      throws InputException {
    Objects.requireNonNull(limits, "limits");
    BufferedReader buffered = text instanceof BufferedReader b ? b : new BufferedReader(text);
    String column = domainColumn == null || domainColumn.isBlank() ? null : domainColumn;
    try {
      return new CsvDomainReader(buffered, source, column, limits);
    } catch (IOException e) {
      closeQuietly(buffered, e);
      throw e instanceof InputException input ? input
          : new InputException("cannot read " + source + ": " + e.getMessage(), e);
    }
  }

  /** The next record, or null after the last. */
  public InputRow next() throws InputException {
    if (pending != null) {
      InputRow row = pending;
      pending = null;
      return row;
    }
    Cells cells = nextCells();
    return cells == null ? null : layout.toRow(cells.line(), cells.values(), limits);
  }

  /** Skips up to {@code n} records, as many {@link #next()} calls would; to resume a read. */
  public void skip(long n) throws InputException {
    if (n < 0) {
      throw new IllegalArgumentException("cannot skip " + n + " records");
    }
    for (long i = 0; i < n; i++) {
      if (next() == null) {
        return;
      }
    }
  }

  /** Header names of the columns carried in {@link InputRow#extras()}, in order. */
  public List<String> extraColumnNames() {
    return layout.extraColumnNames();
  }

  public String domainColumnName() {
    return layout.domainColumnName();
  }

  public char delimiter() {
    return delimiter;
  }

  @Override
  public void close() throws InputException {
    try {
      parser.close();
    } catch (IOException e) {
      throw new InputException("cannot close " + source + ": " + e.getMessage(), e);
    }
  }

  private static CSVFormat format(char delimiter) {
    return CSVFormat.RFC4180.builder()
        .setDelimiter(delimiter)
        .setQuote('"')
        .setCommentMarker(COMMENT)
        .setIgnoreEmptyLines(true)
        .setIgnoreSurroundingSpaces(true)
        .setTrailingData(true)
        .get();
  }

  /** The next record that is neither blank nor a comment, or null at the end. */
  private Cells nextCells() throws InputException {
    while (true) {
      CSVRecord record = nextRecord();
      if (record == null) {
        return null;
      }
      List<String> values = record.toList();
      if (!lines.recordIsComment() && !values.stream().allMatch(String::isBlank)) {
        return new Cells(lines.recordLine(), values);
      }
    }
  }

  private CSVRecord nextRecord() throws InputException {
    if (failure != null) {
      throw failure;
    }
    lines.startRecord();
    try {
      return records.hasNext() ? records.next() : null;
    } catch (UncheckedIOException e) {
      failure = failure(e.getCause());
      throw failure;
    }
  }

  private InputException failure(IOException cause) {
    long line = lines.recordLine();
    if (cause instanceof BoundedLineReader.RecordTooLongException) {
      return new InputException("record at line " + line + " of " + source + " is longer than "
          + limits.maxRecordLength() + " characters (is a quote left open?)", cause);
    }
    if (lines.atEnd()) {
      return new InputException("unterminated quoted value in the record at line " + line
          + " of " + source, cause);
    }
    return new InputException("cannot read " + source + " at line " + line + ": "
        + cause.getMessage(), cause);
  }

  private static void closeQuietly(Reader reader, IOException failure) {
    try {
      reader.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
