package io.mailsweep.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Guesses the delimiter of a CSV text among comma, semicolon and tab from its first records.
 *
 * <p>For each candidate the sample is split into records as a CSV parser with that delimiter would
 * (RFC 4180 quoting, a quote opening a value only at its start; blank lines and lines starting
 * with '#' skipped), and the delimiters per record are counted. The candidate with the most
 * records sharing its most common non-zero count wins, then the one with more columns, then the
 * earlier in the order above. With no candidate present the text is a single column, read as
 * comma-separated.
 */
final class DelimiterSniffer {
  static final int SAMPLE_CHARS = 64 * 1024;
  private static final char[] CANDIDATES = {',', ';', '\t'};
  private static final int SAMPLE_RECORDS = 20;

  private DelimiterSniffer() {}

  /** Sniffs the start of {@code in}, leaving it where it was. */
  static char sniff(BufferedReader in) throws IOException {
    char[] sample = new char[SAMPLE_CHARS];
    in.mark(SAMPLE_CHARS + 1);
    int n = 0;
    int read;
    while (n < SAMPLE_CHARS && (read = in.read(sample, n, SAMPLE_CHARS - n)) > 0) {
      n += read;
    }
    in.reset();
    return sniff(new String(sample, 0, n), n < SAMPLE_CHARS);
  }

  /**
   * @param complete whether {@code sample} is the whole text; if not, a record cut off at its end
   *     is not counted unless it is the only one
   */
  static char sniff(String sample, boolean complete) {
    char best = CANDIDATES[0];
    int bestAgreeing = 0;
    int bestColumns = 0;
    for (char candidate : CANDIDATES) {
      Map<Integer, Integer> histogram = histogram(sample, candidate, complete);
      int columns = mostCommon(histogram);
      int agreeing = histogram.getOrDefault(columns, 0);
      if (columns > 0
          && (agreeing > bestAgreeing || (agreeing == bestAgreeing && columns > bestColumns))) {
        best = candidate;
        bestAgreeing = agreeing;
        bestColumns = columns;
      }
    }
    return best;
  }

  /** How many records have each number of delimiters. */
  private static Map<Integer, Integer> histogram(String s, char delimiter, boolean complete) {
    Map<Integer, Integer> histogram = new HashMap<>();
    int records = 0;
    int i = 0;
    while (i < s.length() && records < SAMPLE_RECORDS) {
      int lineEnd = lineEnd(s, i);
      if (!isSkipped(s, i, lineEnd)) {
        int[] scan = scanRecord(s, i, delimiter);
        if (scan[0] >= s.length() && !complete && records > 0) {
          break;
        }
        histogram.merge(scan[1], 1, Integer::sum);
        records++;
        lineEnd = scan[0];
      }
      i = afterLineBreak(s, lineEnd);
    }
    return histogram;
  }

  /** Scans one record from {@code start}: {end index, delimiters outside quotes}. */
  private static int[] scanRecord(String s, int start, char delimiter) {
    int count = 0;
    boolean quoted = false;
    boolean valueStart = true;
    int i = start;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '\n' || c == '\r') {
        break;
      } else if (c == delimiter) {
        count++;
        valueStart = true;
      } else if (c == '"' && valueStart) {
        quoted = true;
      } else if (!Character.isWhitespace(c)) {
        valueStart = false;
      }
    }
    return new int[] {i, count};
  }

  private static int mostCommon(Map<Integer, Integer> histogram) {
    int best = 0;
    int bestRecords = 0;
    for (Map.Entry<Integer, Integer> e : histogram.entrySet()) {
      int columns = e.getKey();
      int records = e.getValue();
      if (columns > 0 && (records > bestRecords || (records == bestRecords && columns > best))) {
        best = columns;
        bestRecords = records;
      }
    }
    return best;
  }

  private static boolean isSkipped(String s, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '#';
      }
    }
    return true;
  }

  private static int lineEnd(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  private static int afterLineBreak(String s, int at) {
    if (at < s.length() && s.charAt(at) == '\r') {
      return at + 1 < s.length() && s.charAt(at + 1) == '\n' ? at + 2 : at + 1;
    }
    return at + 1;
  }
}
