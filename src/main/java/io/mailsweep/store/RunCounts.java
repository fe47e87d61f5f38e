package io.mailsweep.store;

/** The totals of a run: input lines by disposition and domains scanned. */
public record RunCounts(
    long rowsRead, long accepted, long duplicates, long rejected, long scanned, long inconclusive) {

  public static final RunCounts NONE = new RunCounts(0, 0, 0, 0, 0, 0);
}
