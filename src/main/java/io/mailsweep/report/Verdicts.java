package io.mailsweep.report;

import io.mailsweep.policy.DomainFacts;
import io.mailsweep.policy.Profile;
import io.mailsweep.policy.Rule;
import io.mailsweep.policy.RuleOutcome;
import io.mailsweep.policy.Verdict;
import java.util.Iterator;
import java.util.List;

/**
 * A run's domains judged against a compliance profile, read in input order alongside another
 * input-ordered query: {@link #of(long)} advances the facts stream to the asked input row, so
 * neither side holds more than one domain.
 */
final class Verdicts {
  private final Profile profile;
  private final Iterator<DomainFacts> facts;
  private DomainFacts current;

  Verdicts(Profile profile, Iterator<DomainFacts> facts) {
    this.profile = profile;
    this.facts = facts;
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
      current = facts.next();
    }
    return current != null && current.inputRowId() == inputRowId ? profile.evaluate(current) : null;
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
