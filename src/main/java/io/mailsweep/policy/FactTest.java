package io.mailsweep.policy;

import io.mailsweep.check.Status;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A test of one check's facts: its status, its findings, or one of its attributes.
 *
 * <p>Attribute values are compared as text without regard to case; an empty value counts as
 * absent. {@code includes} and {@code excludes} read the value as a comma-separated list; an
 * absent value includes nothing (so it passes {@code excludes}). {@code at-least} and {@code
 * at-most} compare numbers; a value that is absent or not a number fails them.
 *
 * @param attribute the attribute's name for the attribute kinds, else null
 * @param operands statuses, finding codes or values, by kind; one number for the numeric kinds,
 *     none for PRESENT and ABSENT
 */
public record FactTest(String check, Kind kind, String attribute, List<String> operands) implements Condition {
  /** Values shown in explanations are cut to this length. */
  private static final int MAX_SHOWN = 120;

  /** What is tested. */
  public enum Kind {
    STATUS("status"),
    HAS_FINDING("has-finding"),
    LACKS_FINDING("lacks-finding"),
    EQUALS("equals"),
    INCLUDES("includes"),
    EXCLUDES("excludes"),
    AT_LEAST("at-least"),
    AT_MOST("at-most"),
    PRESENT("present"),
    ABSENT("absent");

    private final String key;

    Kind(String key) {
      this.key = key;
    }

    /** The key of the kind in a profile file. */
    public String key() {
      return key;
    }

    boolean onAttribute() {
      return ordinal() >= EQUALS.ordinal();
    }
  }

  public FactTest {
    operands = List.copyOf(operands);
  }

  @Override
  public boolean holds(DomainFacts facts) {
    CheckFacts f = facts.check(check).orElseThrow();
    String value = value(f);
    return switch (kind) {
      case STATUS -> operands.contains(f.status().name());
      case HAS_FINDING -> operands.stream().anyMatch(f.findingCodes()::contains);
      case LACKS_FINDING -> operands.stream().noneMatch(f.findingCodes()::contains);
      case EQUALS -> value != null && operands.stream().anyMatch(value::equalsIgnoreCase);
      case INCLUDES -> value != null && items(value).containsAll(lower(operands));
      case EXCLUDES -> value == null || lower(operands).stream().noneMatch(items(value)::contains);
      case AT_LEAST -> compare(value) != null && compare(value) >= 0;
      case AT_MOST -> compare(value) != null && compare(value) <= 0;
      case PRESENT -> value != null;
      case ABSENT -> value == null;
    };
  }

  @Override
  public String unmet(DomainFacts facts) {
    return describe() + " (found: " + shorten(observed(facts.check(check).orElseThrow())) + ")";
  }

  @Override
  public String describe() {
    String list = String.join(", ", operands);
    String either = String.join(" or ", operands);
    return switch (kind) {
      case STATUS -> check + " status is " + either;
      case HAS_FINDING -> check + " has finding " + either;
      case LACKS_FINDING -> check + " has none of " + list;
      case EQUALS -> check + " " + attribute + " is " + either;
      case INCLUDES -> check + " " + attribute + " includes " + list;
      case EXCLUDES -> check + " " + attribute + " includes none of " + list;
      case AT_LEAST -> check + " " + attribute + " is at least " + operands.get(0);
      case AT_MOST -> check + " " + attribute + " is at most " + operands.get(0);
      case PRESENT -> check + " " + attribute + " is present";
      case ABSENT -> check + " " + attribute + " is absent";
    };
  }

  @Override
  public Set<String> checks() {
    return Set.of(check);
  }

  private String observed(CheckFacts f) {
    if (kind == Kind.STATUS) {
      return f.status().name();
    }
    if (!kind.onAttribute()) {
      List<String> present = operands.stream().filter(f.findingCodes()::contains).toList();
      return present.isEmpty() ? "none of them" : String.join(", ", present);
    }
    String value = value(f);
    return value == null ? "absent" : value;
  }

  private String value(CheckFacts f) {
    if (!kind.onAttribute()) {
      return null;
    }
    String v = f.attribute(attribute);
    return v == null || v.isBlank() ? null : v.trim();
  }

  /** The value against the number operand: negative, zero or positive; null if not a number. */
  private Integer compare(String value) {
    BigDecimal n = number(value);
    return n == null ? null : n.compareTo(new BigDecimal(operands.get(0)));
  }

  static BigDecimal number(String text) {
    if (text == null) {
      return null;
    }
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static List<String> items(String value) {
    return lower(Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
  }

  private static List<String> lower(List<String> values) {
    return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
  }

  private static String shorten(String text) {
    return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN - 1) + "…";
  }
}
