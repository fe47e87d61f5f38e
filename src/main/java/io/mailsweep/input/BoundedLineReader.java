package io.mailsweep.input;

import java.io.IOException;
import java.io.Reader;

/**
 * Sits between the decoded text and the CSV parser and does three things the parser cannot:
 *
 * <ul>
 *   <li>hands out at most one physical line per {@code read}, so that when the parser returns a
 *       record it has consumed exactly up to that record's line break, and what this reader has
 *       delivered tells where the next record begins;
 *   <li>numbers physical lines (CR, LF and CRLF each end one) and, after {@link #startRecord()},
 *       notes the first line of the next record, passing over the empty lines and lines starting
 *       with the comment marker that the parser skips before a record;
 *   <li>caps the characters one record may consume: once {@code maxRecordChars} have been handed
 *       out for the current record (or for one skipped line) the next read throws {@link
 *       RecordTooLongException}, so an unterminated quote costs at most that much memory.
 * </ul>
 *
 * <p>The line accounting assumes a parser that skips exactly empty lines and lines whose first
 * character is the comment marker, as Commons CSV does with {@code ignoreEmptyLines} and a
 * comment marker set. For files with bare CR line ends the parser looks one line ahead, so the
 * start of an over-long record may be reported a line late.
 */
final class BoundedLineReader extends Reader {
  private static final int BUFFER = 8192;

  /** The current record has consumed its character budget. */
  static final class RecordTooLongException extends IOException {
    private static final long serialVersionUID = 1L;

    RecordTooLongException(int limit) {
      super("record longer than " + limit + " characters");
    }
  }

  private final Reader in;
  private final int maxRecordChars;
  private final char commentMarker;
  private final char[] buffer = new char[BUFFER];
  private int pos;
  private int end;
  private boolean eof;

  private long lines;
  private boolean atLineStart = true;
  private boolean afterCr;
  private int budgetUsed;
  private boolean inGap = true;
  private long recordLine;
  private char recordLead;

  BoundedLineReader(Reader in, int maxRecordChars, char commentMarker) {
    this.in = in;
    this.maxRecordChars = maxRecordChars;
    this.commentMarker = commentMarker;
  }

  /** Marks that the parser is about to read the next record. */
  void startRecord() {
    inGap = true;
    recordLine = 0;
    recordLead = 0;
    budgetUsed = 0;
  }

  /** The physical line where the record being (or just) read starts; 1-based. */
  long recordLine() {
    return inGap ? Math.max(1, lines) : recordLine;
  }

  /** Whether the first non-blank character of the record's first line is the comment marker. */
  boolean recordIsComment() {
    return !inGap && recordLead == commentMarker;
  }

  /** Whether the underlying text has been read to its end. */
  boolean atEnd() {
    return eof && pos == end;
  }

  @Override
  public int read(char[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (pos == end && !fill()) {
      return -1;
    }
    int n = 0;
    while (n < length && pos < end) {
      if (budgetUsed >= maxRecordChars && !(atLineStart && inGap)) {
        if (n > 0) {
          break;
        }
        throw new RecordTooLongException(maxRecordChars);
      }
      char c = buffer[pos++];
      target[offset + n++] = c;
      track(c);
      if (c == '\n' || (c == '\r' && !lineFeedFollows())) {
        break;
      }
    }
    return n;
  }

  private boolean lineFeedFollows() throws IOException {
    return (pos < end || fill()) && buffer[pos] == '\n';
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int n = in.read(buffer, 0, buffer.length);
    while (n == 0) {
      n = in.read(buffer, 0, buffer.length);
    }
    if (n < 0) {
      eof = true;
      pos = end = 0;
      return false;
    }
    pos = 0;
    end = n;
    return true;
  }

  private void track(char c) {
    boolean crlf = afterCr && c == '\n';
    afterCr = c == '\r';
    if (!crlf && atLineStart) {
      beginLine(c);
    }
    budgetUsed++;
    if (!inGap && recordLead == 0 && recordLine == lines && !Character.isWhitespace(c)) {
      recordLead = c;
    }
    if (c == '\n' || c == '\r') {
      atLineStart = true;
    }
  }

  private void beginLine(char first) {
    atLineStart = false;
    lines++;
    if (!inGap) {
      return;
    }
    budgetUsed = 0;
    if (first != '\n' && first != '\r' && first != commentMarker) {
      inGap = false;
      recordLine = lines;
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
