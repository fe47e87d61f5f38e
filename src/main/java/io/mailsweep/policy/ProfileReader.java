package io.mailsweep.policy;

import io.mailsweep.check.Status;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a profile file (format in the README, "Compliance profiles"): {@code name}, {@code
 * title}, optional {@code description} and {@code reference}, and {@code rules}, each with {@code
 * id}, {@code title}, {@code rationale}, {@code remediation}, {@code reference}, optional {@code
 * weight}, the conditions {@code pass-if} (required), {@code applies-if}, {@code inconclusive-if},
 * {@code warn-if}, and {@code otherwise} (FAIL, the default, or WARN). Anything else is an error
 * that names the file, the rule and the problem.
 */
final class ProfileReader {
  static final int MAX_RULES = 200;
  private static final int MAX_TEXT = 4000;
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,62}");
  private static final Set<String> PROFILE_KEYS = Set.of("name", "title", "description", "reference", "rules");
  private static final Set<String> RULE_KEYS = Set.of("id", "title", "rationale", "remediation", "reference",
      "weight", "applies-if", "inconclusive-if", "pass-if", "warn-if", "otherwise");

  private ProfileReader() {}

  /** The profile in {@code reader}; {@code source} names it in messages ({@code shipped} or the file). */
  static Profile read(Reader reader, String source) {
    Where where = Where.file(source);
    Fields f = Fields.of(Yaml12.load(reader, source), where, "a profile");
    f.allow(PROFILE_KEYS);
    String name = f.text("name", true, 100);
    if (!NAME.matcher(name).matches()) {
      throw where.key("name").error("'" + name + "' must be lower-case letters, digits, dots and dashes");
    }
    String title = f.text("title", true, 200);
    String description = orEmpty(f.text("description", false, MAX_TEXT));
    String reference = orEmpty(f.text("reference", false, MAX_TEXT));
    return new Profile(name, title, description, reference, source, rules(f.raw("rules"), where.key("rules")));
  }

  private static List<Rule> rules(Object node, Where where) {
    if (!(node instanceof List<?> items) || items.isEmpty() || items.size() > MAX_RULES) {
      throw where.error("must be a list of 1 to " + MAX_RULES + " rules, not " + Yaml12.describe(node));
    }
    List<Rule> rules = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      Rule r = rule(items.get(i), where.index(i));
      if (!ids.add(r.id())) {
        throw where.rule(r.id()).error("the id is used by another rule of the profile");
      }
      rules.add(r);
    }
    return rules;
  }

  private static Rule rule(Object node, Where at) {
    Fields f = Fields.of(node, at, "a rule");
    String id = f.text("id", true, 100);
    if (!NAME.matcher(id).matches()) {
      throw at.key("id").error("'" + id + "' must be lower-case letters, digits, dots and dashes");
    }
    Where where = at.rule(id);
    f = Fields.of(node, where, "a rule");
    f.allow(RULE_KEYS);
    Status otherwise = otherwise(f.text("otherwise", false, 20), where);
    return new Rule(id, f.text("title", true, 200), f.text("rationale", true, MAX_TEXT),
        f.text("remediation", true, MAX_TEXT), f.text("reference", true, MAX_TEXT), f.integer("weight", 1, 1, 100),
        condition(f, "applies-if", false), condition(f, "inconclusive-if", false), condition(f, "pass-if", true),
        condition(f, "warn-if", false), otherwise);
  }

  private static Condition condition(Fields f, String key, boolean required) {
    if (!f.has(key) || f.raw(key) == null) {
      if (required) {
        throw f.where().error("'" + key + "' is required");
      }
      return null;
    }
    return ConditionReader.read(f.raw(key), f.where().key(key));
  }

  private static Status otherwise(String text, Where where) {
    if (text == null) {
      return Status.FAIL;
    }
    return switch (text.toUpperCase(Locale.ROOT)) {
      case "FAIL" -> Status.FAIL;
      case "WARN" -> Status.WARN;
      default -> throw where.key("otherwise").error("must be FAIL or WARN, not '" + text + "'");
    };
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
