package io.mailsweep.testing.dns;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fault rules in force, keyed by exact owner name (case-insensitive) and type or {@code *}. A
 * rule for the query's type wins over a {@code *} rule for the same name. Thread-safe.
 */
final class FaultRules {
  private final Map<QueryKey, Rule> rules = new ConcurrentHashMap<>();

  /** A fault and how many queries it has matched, for {@link Fault.Effect#SERVFAIL_FIRST}. */
  private record Rule(Fault fault, AtomicLong matched) {}

  /** Adds or replaces the rule for this name and type; a replaced rule's count starts again. */
  void add(QueryKey key, Fault fault) {
    rules.put(key, new Rule(fault, new AtomicLong()));
  }

  void clear() {
    rules.clear();
  }

  /**
   * The fault to apply to one arriving query, counting it against its rule. A {@code
   * SERVFAIL_FIRST} rule comes back as {@code SERVFAIL} while its budget lasts and as nothing
   * after.
   */
  Optional<Fault> apply(QueryKey query) {
    Rule rule = rules.get(query);
    if (rule == null) {
      rule = rules.get(query.anyType());
    }
    if (rule == null) {
      return Optional.empty();
    }
    long seen = rule.matched().incrementAndGet();
    if (rule.fault().effect() != Fault.Effect.SERVFAIL_FIRST) {
      return Optional.of(rule.fault());
    }
    return seen <= rule.fault().arg() ? Optional.of(Fault.servfail()) : Optional.empty();
  }
}
