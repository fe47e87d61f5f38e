package io.mailsweep.store;

import io.mailsweep.check.Status;
import io.mailsweep.check.CheckResult.Attribute;
import io.mailsweep.policy.CheckFacts;
import io.mailsweep.policy.DomainFacts;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeSet;

/**
 * Folds the joined rows of one run (one per domain, check and finding, consecutive per input row)
 * into one {@link DomainFacts} per domain, holding only one domain in memory at a time.
 */
final class FactsAssembler implements Iterator<DomainFacts> {

  /** One row of the join; check columns null for a domain without results, code null without findings. */
  record Row(long inputRowId, long lineNo, String domain, String overall, String check, String status,
      String summary, String attributes, String code) {}

  private final Iterator<Row> rows;
  private Row next;

  FactsAssembler(Iterator<Row> rows) {
    this.rows = rows;
    this.next = rows.hasNext() ? rows.next() : null;
  }

  @Override
  public boolean hasNext() {
    return next != null;
  }

  @Override
  public DomainFacts next() {
    if (next == null) {
      throw new NoSuchElementException();
    }
    Row first = next;
    Map<String, CheckBuilder> checks = new LinkedHashMap<>();
    while (next != null && next.inputRowId() == first.inputRowId()) {
      Row row = next;
      if (row.check() != null) {
        checks.computeIfAbsent(row.check(), name -> new CheckBuilder(row)).add(row.code());
      }
      next = rows.hasNext() ? rows.next() : null;
    }
    Map<String, CheckFacts> facts = new LinkedHashMap<>();
    checks.forEach((name, builder) -> facts.put(name, builder.build()));
    return new DomainFacts(first.inputRowId(), first.lineNo(), first.domain(), status(first.overall()), facts);
  }

  /** A stored status name; a name this version does not know cannot be judged: INCONCLUSIVE. */
  static Status status(String name) {
    if (name == null) {
      return null;
    }
    try {
      return Status.valueOf(name);
    } catch (IllegalArgumentException unknown) {
      return Status.INCONCLUSIVE;
    }
  }

  private static final class CheckBuilder {
    private final Row row;
    private final TreeSet<String> codes = new TreeSet<>();

    CheckBuilder(Row row) {
      this.row = row;
    }

    void add(String code) {
      if (code != null) {
        codes.add(code);
      }
    }

    CheckFacts build() {
      Map<String, String> attributes = new LinkedHashMap<>();
      for (Attribute a : Attributes.decode(row.attributes())) {
        attributes.putIfAbsent(a.name(), a.value());
      }
      Status s = status(row.status());
      return new CheckFacts(row.check(), s == null ? Status.INCONCLUSIVE : s, row.summary(), codes, attributes);
    }
  }
}
