package io.mailsweep.input;

import java.util.List;
import java.util.Objects;

/**
 * One record of the input file, before normalisation.
 *
 * @param lineNo the 1-based physical line where the record starts; comments, blank lines and line
 *     breaks inside quoted values all count, so it is the line an editor shows
 * @param rawValue the domain cell as read (surrounding spaces removed by the CSV parser), at most
 *     {@link CsvLimits#maxFieldLength()} characters; "" when the row is too short to have it
 * @param extras the other cells in file order: padded with "" to the width of the header (or of
 *     the first record of a headerless file), and any further cells kept, up to the column limit
 * @param problem why the record cannot be trusted as it stands (a value was truncated, too many
 *     columns), or null when it is well-formed; a caller rejects such a row with this reason
 */
public record InputRow(long lineNo, String rawValue, List<String> extras, String problem) {

  public InputRow {
    Objects.requireNonNull(rawValue, "rawValue");
    extras = List.copyOf(extras);
  }

  /** A well-formed row. */
  public InputRow(long lineNo, String rawValue, List<String> extras) {
    this(lineNo, rawValue, extras, null);
  }

  public boolean wellFormed() {
    return problem == null;
  }
}
