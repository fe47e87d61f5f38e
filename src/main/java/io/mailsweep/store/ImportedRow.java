package io.mailsweep.store;

/**
 * One input line as stored: accepted with its normalised domain, or rejected with the reason.
 *
 * @param extras the carried columns' values as one CSV record ({@link CsvCells})
 */
public record ImportedRow(
    long lineNo, String rawValue, String domain, Disposition disposition, String reason, String extras) {

  public enum Disposition {
    ACCEPTED,
    DUPLICATE,
    REJECTED
  }
}
