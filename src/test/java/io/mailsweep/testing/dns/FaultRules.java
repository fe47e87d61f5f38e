package io.mailsweep.testing.dns;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fault rules in force, in the order added; the first rule whose exact owner name (any case)
 * and type (or {@code *}) match a query wins. Thread-safe.
 */
final class FaultRules {
  private final List<Rule> rules = new CopyOnWriteArrayList<>();

  /** A rule and, for SERVFAIL_FIRST, the queries it has seen per query type. */
  private record Rule(QueryKey key, Fault fault, Map<Integer, AtomicLong> seenPerType) {
    Rule(QueryKey key, Fault fault) {
      this(key, fault, new ConcurrentHashMap<>());
    }

    boolean matches(QueryKey query) {
      return key.name().equals(query.name())
          && (key.type() == QueryKey.ANY_TYPE || key.type() == query.type());
    }
  }

  /**
   * Appends a rule, or replaces in place the rule with the same name and type; a replaced rule's
   * SERVFAIL_FIRST counts start again.
   */
  synchronized void add(QueryKey key, Fault fault) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).key().equals(key)) {
        rules.set(i, new Rule(key, fault));
        return;
      }
    }
    rules.add(new Rule(key, fault));
  }

  synchronized void clear() {
    rules.clear();
  }

  /**
   * The fault to apply to one arriving query, counting it. A SERVFAIL_FIRST rule comes back as
   * SERVFAIL for the first {@code n} queries of each name and query type it matches, and as nothing
   * after.
   */
  Optional<Fault> apply(QueryKey query) {
    for (Rule rule : rules) {
      if (rule.matches(query)) {
        return resolve(rule, query);
      }
    }
    return Optional.empty();
  }

  private static Optional<Fault> resolve(Rule rule, QueryKey query) {
    if (rule.fault().effect() != Fault.Effect.SERVFAIL_FIRST) {
      return Optional.of(rule.fault());
    }
    long seen =
        rule.seenPerType().computeIfAbsent(query.type(), t -> new AtomicLong()).incrementAndGet();
    return seen <= rule.fault().arg() ? Optional.of(Fault.servfail()) : Optional.empty();
  }
}
