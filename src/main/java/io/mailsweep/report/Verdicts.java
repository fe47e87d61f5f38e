package io.mailsweep.report;

import io.mailsweep.policy.DomainFacts;
import io.mailsweep.policy.Profile;
import io.mailsweep.policy.Rule;
import io.mailsweep.policy.RuleOutcome;
import io.mailsweep.policy.Verdict;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A run's domains judged against a compliance profile, read in input order alongside another
 * input-ordered query: {@link #of(long)} advances the facts stream to the asked input row, so
 * neither side holds more than one domain. Each domain is judged once, and counted on the way
 * ({@link #totals()}).
 */
final class Verdicts {
  private final Profile profile;
  private final Iterator<DomainFacts> facts;
  private final ComplianceTotals totals;
  private final Deque<DomainFacts> pending;
  private DomainFacts current;
  private Verdict currentVerdict;

  /**
   * Verdicts whose facts are handed over in batches ({@link #feed}), as a reader on another thread
   * delivers them: each batch before the rows it belongs to are asked for.
   */
  static Verdicts fed(Profile profile) {
    return new Verdicts(profile, null, new ArrayDeque<>());
  }

  Verdicts(Profile profile, Iterator<DomainFacts> facts) {
    this(profile, facts, null);
  }

  private Verdicts(Profile profile, Iterator<DomainFacts> facts, Deque<DomainFacts> pending) {
    this.profile = profile;
    this.pending = pending;
    this.facts = facts != null ? facts : taking(pending);
    this.totals = ComplianceTotals.none(profile);
  }

  /** Adds the next batch of facts, in input order; only for {@link #fed} verdicts. */
  void feed(List<DomainFacts> batch) {
    if (pending == null) {
      throw new IllegalStateException("these verdicts read their own facts");
    }
    pending.addAll(batch);
  }

  /** Hands out and forgets the facts fed so far. */
  private static Iterator<DomainFacts> taking(Deque<DomainFacts> pending) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return !pending.isEmpty();
      }

      @Override
      public DomainFacts next() {
        if (pending.isEmpty()) {
          throw new NoSuchElementException();
        }
        return pending.removeFirst();
      }
    };
  }

  Profile profile() {
    return profile;
  }

  List<Rule> rules() {
    return profile.rules();
  }

  /** The verdict of input row {@code inputRowId}; null when the facts have no such row. */
  Verdict of(long inputRowId) {
    while ((current == null || current.inputRowId() < inputRowId) && facts.hasNext()) {
      advance();
    }
    return current != null && current.inputRowId() == inputRowId ? currentVerdict : null;
  }

  /**
   * The verdict counts over every domain of the facts: those handed out so far and, read now to
   * the end, the rest. Asked once the rows are written, it spares a second pass over the run.
   */
  ComplianceTotals totals() {
    while (facts.hasNext()) {
      advance();
    }
    return totals;
  }

  private void advance() {
    current = facts.next();
    currentVerdict = profile.evaluate(current);
    totals.add(current, currentVerdict);
  }

  /** Writes Verdict, Score, Grade and one status per rule for {@code inputRowId}. */
  void fill(long inputRowId, CellSink row) {
    Verdict v = of(inputRowId);
    if (v == null) {
      row.skip().skip().skip();
      profile.rules().forEach(r -> row.skip());
      return;
    }
    row.status(v.compliance().name());
    if (v.score() == null) {
      row.skip().skip();
    } else {
      row.number(v.score()).text(v.grade().name());
    }
    for (RuleOutcome o : v.outcomes()) {
      row.status(o.status().name());
    }
  }
}
