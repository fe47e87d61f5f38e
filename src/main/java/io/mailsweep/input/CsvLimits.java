package io.mailsweep.input;

/**
 * Bounds on what one CSV file can make the reader hold, so that a hostile or broken file costs at
 * most one record of memory.
 *
 * @param maxFieldLength characters kept per value; a longer value is truncated to this length and
 *     its row carries a problem. Default 1,000: a domain is at most 253 characters (RFC 1035
 *     §2.3.4) and an e-mail address at most 254 (RFC 5321 §4.5.3.1.3 path limit), so 1,000 leaves
 *     room for URLs and vendor attributes without admitting documents.
 * @param maxColumns cells kept per record; a wider row carries a problem and a wider header fails
 *     the file. Default 200.
 * @param maxRecordLength characters one record may span, line breaks included; a longer record
 *     (typically an unterminated quote) fails the file before more is read. Default 64 KiB.
 */
public record CsvLimits(int maxFieldLength, int maxColumns, int maxRecordLength) {
  public static final CsvLimits DEFAULTS = new CsvLimits(1_000, 200, 64 * 1024);

  public CsvLimits {
    if (maxFieldLength < 1 || maxColumns < 1 || maxRecordLength < 1) {
      throw new IllegalArgumentException("CSV limits must be positive: " + maxFieldLength + ", "
          + maxColumns + ", " + maxRecordLength);
    }
  }
}
