package io.mailsweep.input;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the domain is in each record and what the other columns are called.
 *
 * @param headerRow whether the first record is a header (and so not data)
 * @param domainIndex 0-based index of the domain column
 * @param domainColumnName the header name of the domain column, or "column N" without a header
 * @param extraColumnNames names of the other columns in file order ("column N" where a header cell
 *     is blank or there is no header)
 */
record ColumnLayout(
    boolean headerRow, int domainIndex, String domainColumnName, List<String> extraColumnNames) {

  ColumnLayout {
    extraColumnNames = List.copyOf(extraColumnNames);
  }

  /** Layout over {@code names}, one per column, with the domain at {@code domainIndex}. */
  static ColumnLayout of(boolean headerRow, int domainIndex, List<String> names) {
    List<String> extras = new ArrayList<>(names);
    String domain = extras.remove(domainIndex);
    return new ColumnLayout(headerRow, domainIndex, domain, extras);
  }

  static String positionalName(int index) {
    return "column " + (index + 1);
  }

  /**
   * The row for the cells of one record: cut to the column limit, every value to the field limit,
   * short rows padded with "" to the layout's width; the first limit broken becomes the problem.
   */
  InputRow toRow(long line, List<String> cells, CsvLimits limits) {
    String problem = null;
    if (cells.size() > limits.maxColumns()) {
      problem = cells.size() + " columns, more than the limit of " + limits.maxColumns();
    }
    int kept = Math.min(cells.size(), limits.maxColumns());
    int width = Math.max(kept, extraColumnNames.size() + 1);
    String raw = "";
    List<String> extras = new ArrayList<>(width - 1);
    for (int i = 0; i < width; i++) {
      String value = i < kept ? cells.get(i) : "";
      if (value.length() > limits.maxFieldLength()) {
        if (problem == null) {
          problem = "value in " + nameOf(i) + " longer than " + limits.maxFieldLength()
              + " characters";
        }
        value = truncate(value, limits.maxFieldLength());
      }
      if (i == domainIndex) {
        raw = value;
      } else {
        extras.add(value);
      }
    }
    return new InputRow(line, raw, extras, problem);
  }

  private String nameOf(int index) {
    if (index == domainIndex) {
      return "'" + domainColumnName + "'";
    }
    int extra = index < domainIndex ? index : index - 1;
    return "'" + (extra < extraColumnNames.size() ? extraColumnNames.get(extra)
        : positionalName(index)) + "'";
  }

  private static String truncate(String value, int length) {
    int cut = Character.isHighSurrogate(value.charAt(length - 1)) ? length - 1 : length;
    return value.substring(0, cut);
  }
}
