package io.mailsweep.policy;

import java.io.Reader;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Loads a profile file safely and boundedly: SnakeYAML's SafeConstructor (plain maps, lists and
 * scalars; no object construction), no duplicate keys, few aliases, limited size and nesting. Plain
 * scalars resolve as in YAML 1.2's core schema: only {@code true}/{@code false} are booleans, so
 * values such as {@code yes}, {@code no}, {@code on} or {@code none} stay text, as a profile means
 * them ({@code STARTTLS on MX} is {@code yes}).
 */
final class Yaml12 {
  static final int MAX_CHARS = 256 * 1024;
  private static final Pattern BOOL = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");

  private Yaml12() {}

  static Object load(Reader reader, String source) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(10);
    options.setCodePointLimit(MAX_CHARS);
    options.setNestingDepthLimit(40);
    Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
        options, new CoreResolver());
    try {
      return yaml.load(reader);
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark();
      String where = m == null ? "" : " (line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) + ")";
      throw new ProfileException(source + ": not valid YAML: " + firstLine(e.getProblem()) + where);
    } catch (YAMLException e) {
      throw new ProfileException(source + ": not valid YAML: " + firstLine(e.getMessage()));
    }
  }

  /** A node in a few words for messages: {@code a list}, {@code the number 3}, ... */
  static String describe(Object node) {
    if (node == null) {
      return "nothing";
    }
    if (node instanceof Map) {
      return "a mapping";
    }
    if (node instanceof List) {
      return "a list";
    }
    if (node instanceof Number || node instanceof Boolean) {
      return String.valueOf(node);
    }
    return "'" + node + "'";
  }

  private static String firstLine(String text) {
    return text == null ? "" : text.lines().findFirst().orElse("").trim();
  }

  /** YAML 1.1's implicit types without its wide booleans, sexagesimals, merge keys or timestamps. */
  private static final class CoreResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, BOOL, "tTfF");
      addImplicitResolver(Tag.INT, Pattern.compile("^[-+]?(?:0|[1-9][0-9]*)$"), "-+0123456789");
      addImplicitResolver(Tag.FLOAT, Pattern.compile("^[-+]?(?:[0-9]+\\.[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
          "-+.0123456789");
      addImplicitResolver(Tag.NULL, NULL, "~nN\0");
      addImplicitResolver(Tag.NULL, EMPTY, null);
    }
  }
}
