package io.mailsweep.policy;

import io.mailsweep.check.FindingCatalog;
import io.mailsweep.check.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the conditions of a rule (see the README, "Compliance profiles"): a mapping that is
 * either {@code all: [...]}, {@code any: [...]}, {@code not: {...}}, or a test of one check:
 * {@code check: NAME} with exactly one of {@code status}, {@code has-finding}, {@code
 * lacks-finding}, or {@code attribute: NAME} with exactly one of {@code equals}, {@code includes},
 * {@code excludes}, {@code at-least}, {@code at-most}, {@code present: true|false}. Every name is
 * checked against what mailsweep knows.
 */
final class ConditionReader {
  static final int MAX_DEPTH = 8;
  static final int MAX_ITEMS = 50;
  private static final int MAX_VALUE = 200;
  private static final Set<String> COMBINATORS = Set.of("all", "any", "not");
  private static final Set<String> TEST_KEYS = Set.of("check", "status", "has-finding", "lacks-finding", "attribute",
      "equals", "includes", "excludes", "at-least", "at-most", "present");
  private static final List<FactTest.Kind> ATTRIBUTE_KINDS = List.of(FactTest.Kind.EQUALS, FactTest.Kind.INCLUDES,
      FactTest.Kind.EXCLUDES, FactTest.Kind.AT_LEAST, FactTest.Kind.AT_MOST);

  private ConditionReader() {}

  static Condition read(Object node, Where where) {
    return read(node, where, 1);
  }

  private static Condition read(Object node, Where where, int depth) {
    if (depth > MAX_DEPTH) {
      throw where.error("conditions nest deeper than " + MAX_DEPTH + " levels");
    }
    Fields f = Fields.of(node, where, "a condition");
    List<String> combinators = f.keys().stream().filter(COMBINATORS::contains).toList();
    if (combinators.isEmpty()) {
      return test(f);
    }
    if (f.keys().size() != 1) {
      throw where.error("'" + combinators.get(0) + "' must stand alone in its mapping; found keys "
          + String.join(", ", f.keys()));
    }
    String key = combinators.get(0);
    if (key.equals("not")) {
      return new Condition.Not(read(f.raw(key), where.key(key), depth + 1));
    }
    if (!(f.raw(key) instanceof List<?> items) || items.isEmpty() || items.size() > MAX_ITEMS) {
      throw where.key(key).error("must be a list of 1 to " + MAX_ITEMS + " conditions");
    }
    List<Condition> parts = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      parts.add(read(items.get(i), where.key(key).index(i), depth + 1));
    }
    return key.equals("all") ? new Condition.AllOf(parts) : new Condition.AnyOf(parts);
  }

  private static FactTest test(Fields f) {
    f.allow(TEST_KEYS);
    Where where = f.where();
    String check = f.text("check", true, MAX_VALUE).toLowerCase(Locale.ROOT);
    if (!Vocabulary.knowsCheck(check)) {
      throw where.key("check").error("unknown check '" + check + "'; known checks: "
          + String.join(", ", Vocabulary.checks()));
    }
    List<String> kinds = f.keys().stream().filter(k -> k.equals("status") || k.endsWith("-finding")
        || k.equals("attribute")).toList();
    if (kinds.size() != 1) {
      throw where.error("a test of check '" + check + "' needs exactly one of status, has-finding, lacks-finding,"
          + " attribute; found " + (kinds.isEmpty() ? "none" : String.join(", ", kinds)));
    }
    return switch (kinds.get(0)) {
      case "status" -> status(f, check);
      case "has-finding" -> findings(f, check, FactTest.Kind.HAS_FINDING);
      case "lacks-finding" -> findings(f, check, FactTest.Kind.LACKS_FINDING);
      default -> attribute(f, check);
    };
  }

  private static FactTest status(Fields f, String check) {
    noAttributeKeys(f, "status");
    List<String> statuses = new ArrayList<>();
    for (String s : values(f, "status")) {
      Status status = parseStatus(s);
      if (status == null || status == Status.INCONCLUSIVE) {
        throw f.where().key("status").error("'" + s + "' is not a status a test can see; use PASS, WARN, FAIL or"
            + " NOT_APPLICABLE (a rule whose check is INCONCLUSIVE is INCONCLUSIVE before any test)");
      }
      statuses.add(status.name());
    }
    return new FactTest(check, FactTest.Kind.STATUS, null, statuses);
  }

  private static FactTest findings(Fields f, String check, FactTest.Kind kind) {
    noAttributeKeys(f, kind.key());
    List<String> codes = new ArrayList<>();
    for (String code : values(f, kind.key())) {
      String upper = code.toUpperCase(Locale.ROOT);
      if (!FindingCatalog.exists(upper)) {
        throw f.where().key(kind.key()).error("unknown finding code '" + code + "' (mailsweep explain lists none"
            + " such; see the README's findings table)");
      }
      codes.add(upper);
    }
    return new FactTest(check, kind, null, codes);
  }

  private static FactTest attribute(Fields f, String check) {
    Where where = f.where();
    String name = f.text("attribute", true, MAX_VALUE);
    List<String> known = Vocabulary.attributes(check);
    if (!known.contains(name)) {
      throw where.key("attribute").error("check '" + check + "' has no attribute '" + name + "'; its attributes: "
          + (known.isEmpty() ? "none" : String.join(", ", known)));
    }
    List<String> ops = f.keys().stream().filter(k -> !k.equals("check") && !k.equals("attribute")).toList();
    if (ops.size() != 1) {
      throw where.error("attribute '" + name + "' needs exactly one of equals, includes, excludes, at-least, at-most,"
          + " present; found " + (ops.isEmpty() ? "none" : String.join(", ", ops)));
    }
    String op = ops.get(0);
    if (op.equals("present")) {
      if (!(f.raw(op) instanceof Boolean b)) {
        throw where.key(op).error("must be true or false");
      }
      return new FactTest(check, b ? FactTest.Kind.PRESENT : FactTest.Kind.ABSENT, name, List.of());
    }
    FactTest.Kind kind = ATTRIBUTE_KINDS.stream().filter(k -> k.key().equals(op)).findFirst().orElseThrow();
    List<String> operands = values(f, op);
    if (kind == FactTest.Kind.AT_LEAST || kind == FactTest.Kind.AT_MOST) {
      if (operands.size() != 1 || FactTest.number(operands.get(0)) == null) {
        throw where.key(op).error("must be one number, not " + Yaml12.describe(f.raw(op)));
      }
    }
    return new FactTest(check, kind, name, operands);
  }

  private static void noAttributeKeys(Fields f, String kind) {
    for (String k : f.keys()) {
      if (!k.equals("check") && !k.equals(kind)) {
        throw f.where().error("'" + k + "' does not go with '" + kind + "'");
      }
    }
  }

  /** One scalar or a list of 1..MAX_ITEMS scalars, as text. */
  private static List<String> values(Fields f, String key) {
    Object raw = f.raw(key);
    List<?> items = raw == null ? List.of() : raw instanceof List<?> l ? l : List.of(raw);
    if (items.isEmpty() || items.size() > MAX_ITEMS) {
      throw f.where().key(key).error("needs 1 to " + MAX_ITEMS + " values");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Object v = items.get(i);
      if (v == null || v instanceof List || v instanceof java.util.Map) {
        throw f.where().key(key).error("values must be text or numbers, not " + Yaml12.describe(v));
      }
      String s = String.valueOf(v).trim();
      if (s.isEmpty() || s.length() > MAX_VALUE) {
        throw f.where().key(key).error("values must be 1 to " + MAX_VALUE + " characters");
      }
      out.add(s);
    }
    return out;
  }

  private static Status parseStatus(String s) {
    for (Status st : Status.values()) {
      if (st.name().equalsIgnoreCase(s.replace('-', '_').replace(' ', '_'))) {
        return st;
      }
    }
    return null;
  }
}
