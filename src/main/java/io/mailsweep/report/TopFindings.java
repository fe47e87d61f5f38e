package io.mailsweep.report;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings a run raised most often: code, check, severity, how often and on how many domains,
 * counted while the Findings sheet is written ({@link #add}). A code raised at two severities
 * counts as two rows. Ordered by findings, then domains (both descending), then code, check and
 * severity; the reference shown is the least of those stored with the code.
 */
final class TopFindings {

  /** Rows of the Summary's top findings table. */
  static final int LIMIT = 10;

  /** One finding code of one check with its counts; {@code reference} as stored with one of them. */
  record Row(String code, String check, String severity, long findings, long domains, String reference) {}

  private record Key(String code, String check, String severity) {}

  private static final class Counts {
    long findings;
    long domains;
    long lastInputRow = Long.MIN_VALUE;
    String reference;
  }

  private final Map<Key, Counts> counts = new HashMap<>();

  /**
   * Counts one finding of input row {@code inputRowId}; findings must come ordered by input row
   * (the Findings sheet's order), so that a domain is counted once per code.
   */
  void add(String code, String check, String severity, long inputRowId, String reference) {
    Counts c = counts.computeIfAbsent(new Key(code, check, severity), k -> new Counts());
    c.findings++;
    if (c.lastInputRow != inputRowId) {
      c.lastInputRow = inputRowId;
      c.domains++;
    }
    if (reference != null && (c.reference == null || reference.compareTo(c.reference) < 0)) {
      c.reference = reference;
    }
  }

  /** The {@link #LIMIT} most frequent. */
  List<Row> top() {
    Comparator<Row> order = Comparator.comparingLong(Row::findings).reversed()
        .thenComparing(Comparator.comparingLong(Row::domains).reversed())
        .thenComparing(Row::code, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(Row::check, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(Row::severity, Comparator.nullsLast(Comparator.naturalOrder()));
    return counts.entrySet().stream()
        .map(e -> new Row(e.getKey().code(), e.getKey().check(), e.getKey().severity(), e.getValue().findings,
            e.getValue().domains, e.getValue().reference))
        .sorted(order)
        .limit(LIMIT)
        .toList();
  }
}
