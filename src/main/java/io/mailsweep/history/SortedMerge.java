package io.mailsweep.history;

import java.util.Comparator;
import java.util.Iterator;
import java.util.function.Function;

/**
 * Walks two sequences sorted by the same key in step, as a merge join: each key is seen once, in
 * order, with the item of each side that has it. Only one item per side is held at a time.
 */
final class SortedMerge<T> {

  /** What a merge reports, in ascending key order. */
  interface Visitor<T> {
    void onlyBefore(T before);

    void onlyAfter(T after);

    void both(T before, T after);
  }

  private final Comparator<T> order;
  private final Function<T, String> key;
  private final String what;

  /**
   * @param key an item's key as text, for the error when a side is out of order
   * @param what the items' name, for the same error
   */
  SortedMerge(Comparator<T> order, Function<T, String> key, String what) {
    this.order = order;
    this.key = key;
    this.what = what;
  }

  /**
   * @throws IllegalStateException if a side is not in ascending order; a repeated key on one side
   *     is skipped after its first item
   */
  void merge(Iterator<T> before, Iterator<T> after, Visitor<T> visitor) {
    Side a = new Side(before);
    Side b = new Side(after);
    while (a.current != null || b.current != null) {
      int c = a.current == null ? 1 : b.current == null ? -1 : order.compare(a.current, b.current);
      if (c < 0) {
        visitor.onlyBefore(a.current);
        a.advance();
      } else if (c > 0) {
        visitor.onlyAfter(b.current);
        b.advance();
      } else {
        visitor.both(a.current, b.current);
        a.advance();
        b.advance();
      }
    }
  }

  private final class Side {
    private final Iterator<T> items;
    private T current;

    Side(Iterator<T> items) {
      this.items = items;
      this.current = items.hasNext() ? items.next() : null;
    }

    void advance() {
      T previous = current;
      current = null;
      while (current == null && items.hasNext()) {
        T next = items.next();
        int c = order.compare(previous, next);
        if (c > 0) {
          throw new IllegalStateException(
              what + " are not in ascending order: " + key.apply(next) + " after " + key.apply(previous));
        }
        current = c == 0 ? null : next;
      }
    }
  }
}
