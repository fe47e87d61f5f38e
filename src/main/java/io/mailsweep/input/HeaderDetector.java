package io.mailsweep.input;

import io.mailsweep.input.Normalised.Accepted;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Decides from the first record whether a file has a header and which column holds the domain.
 *
 * <p>With a requested column the first record must be a header holding that name (trimmed, any
 * case). Without one: a cell with a well-known name (below, in order of preference) makes the
 * record a header and picks that column; otherwise the first column holds the domain, and the
 * record is a header exactly when none of its cells normalises to a domain.
 */
final class HeaderDetector {
  /** Header names that mark the domain column, most specific first. */
  static final List<String> KNOWN_NAMES = List.of(
      "domain", "domains", "domain name", "mail domain", "website", "web site", "url",
      "hostname", "host", "email", "e-mail");

  private HeaderDetector() {}

  /**
   * @param first the cells of the first record, or null for a file without records
   * @param requested the column asked for, or null to detect it
   * @param source the file, for messages
   */
  static ColumnLayout detect(List<String> first, String requested, DomainNormaliser normaliser,
      String source, CsvLimits limits) throws InputException {
    if (requested != null) {
      return requested(first, requested.trim(), source, limits);
    }
    if (first == null) {
      return ColumnLayout.of(false, 0, List.of(ColumnLayout.positionalName(0)));
    }
    int known = knownColumn(first);
    if (known >= 0) {
      return ColumnLayout.of(true, known, headerNames(first, source, limits));
    }
    if (first.stream().noneMatch(cell -> normaliser.normalise(cell) instanceof Accepted)) {
      return ColumnLayout.of(true, 0, headerNames(first, source, limits));
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < Math.min(first.size(), limits.maxColumns()); i++) {
      names.add(ColumnLayout.positionalName(i));
    }
    return ColumnLayout.of(false, 0, names);
  }

  private static ColumnLayout requested(List<String> first, String requested, String source,
      CsvLimits limits) throws InputException {
    if (first == null) {
      throw new InputException("column '" + requested + "' not found: " + source
          + " has no header (it has no records)");
    }
    List<String> names = headerNames(first, source, limits);
    for (int i = 0; i < first.size(); i++) {
      if (first.get(i).trim().equalsIgnoreCase(requested)) {
        return ColumnLayout.of(true, i, names);
      }
    }
    throw new InputException("column '" + requested + "' not found in the header of " + source
        + "; available columns: " + names.stream().map(n -> "'" + n + "'")
            .collect(Collectors.joining(", ")));
  }

  private static int knownColumn(List<String> first) {
    for (String name : KNOWN_NAMES) {
      for (int i = 0; i < first.size(); i++) {
        if (headerKey(first.get(i)).equals(name)) {
          return i;
        }
      }
    }
    return -1;
  }

  /** Lower case, trimmed, runs of spaces and underscores as one space: "Domain_Name" is known. */
  private static String headerKey(String cell) {
    return cell.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", " ");
  }

  private static List<String> headerNames(List<String> header, String source, CsvLimits limits)
      throws InputException {
    if (header.size() > limits.maxColumns()) {
      throw new InputException("the header of " + source + " has " + header.size()
          + " columns, more than the limit of " + limits.maxColumns());
    }
    List<String> names = new ArrayList<>(header.size());
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).trim();
      if (name.length() > limits.maxFieldLength()) {
        name = name.substring(0, limits.maxFieldLength());
      }
      names.add(name.isEmpty() ? ColumnLayout.positionalName(i) : name);
    }
    return names;
  }
}
