package io.mailsweep.cli;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Close matches for a mistyped name, for one-line error messages. */
final class Suggestions {
  static final int MAX = 3;

  private Suggestions() {}

  /**
   * Up to {@value #MAX} candidates closest to {@code typed} (case ignored): those containing it,
   * and those within an edit distance of a third of its length (at least 2), nearest first.
   */
  static List<String> closest(String typed, List<String> candidates) {
    String t = typed.toLowerCase(Locale.ROOT);
    int limit = Math.max(2, t.length() / 3);
    return candidates.stream()
        .filter(c -> c.toLowerCase(Locale.ROOT).contains(t) || distance(t, c.toLowerCase(Locale.ROOT)) <= limit)
        .sorted(Comparator.comparingInt((String c) -> distance(t, c.toLowerCase(Locale.ROOT))).thenComparing(c -> c))
        .limit(MAX)
        .toList();
  }

  /** "; did you mean A, B?" or the empty string. */
  static String didYouMean(String typed, List<String> candidates) {
    List<String> close = closest(typed, candidates);
    return close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?";
  }

  /** Levenshtein distance; inputs are short names, bounded by the callers' lists. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] swap = prev;
      prev = cur;
      cur = swap;
    }
    return prev[b.length()];
  }
}
