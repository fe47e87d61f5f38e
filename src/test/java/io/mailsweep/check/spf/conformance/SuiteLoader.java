package io.mailsweep.check.spf.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the openspf test suite: one scenario per YAML document. Only the keys the driver needs are
 * read; anything of an unexpected shape is an error naming where it is, never skipped.
 *
 * <p>Every plain scalar is read as the string it is written as: YAML 1.1's implicit typing would
 * turn {@code spec: 4.10} into the number 4.1 and {@code 1:20} into 80.
 */
final class SuiteLoader {
  /** The pinned copy of the suite; provenance in {@code src/test/resources/spf/README.md}. */
  static final String RESOURCE = "/spf/rfc7208-tests.yml";

  private SuiteLoader() {}

  static List<SuiteScenario> loadResource() throws IOException {
    try (InputStream in = SuiteLoader.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException(RESOURCE + " is not on the test classpath");
      }
      return load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
  }

  /**
   * @throws IllegalArgumentException naming the scenario and key of the first malformed entry
   */
  static List<SuiteScenario> load(Reader yamlText) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Yaml yaml =
        new Yaml(
            new SafeConstructor(options),
            new Representer(new DumperOptions()),
            new DumperOptions(),
            options,
            new StringsOnly());
    List<SuiteScenario> scenarios = new ArrayList<>();
    for (Object document : yaml.loadAll(yamlText)) {
      if (document != null) {
        scenarios.add(scenario(map(document, "scenario " + (scenarios.size() + 1))));
      }
    }
    return scenarios;
  }

  private static SuiteScenario scenario(Map<?, ?> doc) {
    String description = string(doc.get("description"), "scenario description");
    List<SuiteCase> cases = new ArrayList<>();
    for (Map.Entry<?, ?> t : map(doc.get("tests"), description + ": tests").entrySet()) {
      String id = string(t.getKey(), description + ": test id");
      cases.add(testCase(id, map(t.getValue(), description + ": " + id)));
    }
    Object zoneData = doc.get("zonedata");
    Map<?, ?> names = zoneData == null ? Map.of() : map(zoneData, description + ": zonedata");
    Map<String, List<SuiteRecord>> zone = new LinkedHashMap<>();
    for (Map.Entry<?, ?> n : names.entrySet()) {
      String name = string(n.getKey(), description + ": owner name");
      zone.put(name, records(n.getValue(), description + ": " + name));
    }
    return new SuiteScenario(description, cases, zone);
  }

  private static SuiteCase testCase(String id, Map<?, ?> test) {
    Object result = test.get("result");
    List<String> results =
        result instanceof List<?> list
            ? strings(list, id + ": result")
            : List.of(string(result, id + ": result"));
    return new SuiteCase(
        id,
        optionalString(test.get("description"), id + ": description"),
        string(test.get("spec"), id + ": spec"),
        string(test.get("helo"), id + ": helo"),
        string(test.get("host"), id + ": host"),
        string(test.get("mailfrom"), id + ": mailfrom"),
        results,
        optionalString(test.get("explanation"), id + ": explanation"),
        optionalString(test.get("receiver"), id + ": receiver"));
  }

  private static List<SuiteRecord> records(Object entries, String where) {
    if (!(entries instanceof List<?> list)) {
      throw new IllegalArgumentException(
          where + ": expected a list of records, got " + describe(entries));
    }
    List<SuiteRecord> records = new ArrayList<>();
    for (Object entry : list) {
      records.add(record(entry, where));
    }
    return records;
  }

  private static SuiteRecord record(Object entry, String where) {
    if (SuiteRecord.TIMEOUT_MARKER.equals(entry)) {
      return SuiteRecord.TIMEOUT;
    }
    Map<?, ?> m = map(entry, where);
    if (m.size() != 1) {
      throw new IllegalArgumentException(where + ": a record has one type, got " + m.keySet());
    }
    Map.Entry<?, ?> only = m.entrySet().iterator().next();
    String type = string(only.getKey(), where + ": record type");
    Object value = only.getValue();
    String at = where + " " + type;
    switch (type) {
      case "TXT", "SPF" -> {
        return new SuiteRecord(
            type, value instanceof List<?> list ? strings(list, at) : List.of(string(value, at)));
      }
      case "MX" -> {
        List<?> mx = value instanceof List<?> list && list.size() == 2 ? list : null;
        if (mx == null || !string(mx.get(0), at).matches("[0-9]{1,5}")) {
          throw new IllegalArgumentException(
              at + ": expected [preference, exchange], got " + describe(value));
        }
        return new SuiteRecord(type, List.of(string(mx.get(0), at), string(mx.get(1), at)));
      }
      case "A", "AAAA", "PTR", "CNAME" -> {
        return new SuiteRecord(type, List.of(string(value, at)));
      }
      default -> throw new IllegalArgumentException(where + ": unsupported record type " + type);
    }
  }

  private static Map<?, ?> map(Object o, String where) {
    if (o instanceof Map<?, ?> m) {
      return m;
    }
    throw new IllegalArgumentException(where + ": expected a mapping, got " + describe(o));
  }

  private static List<String> strings(List<?> list, String where) {
    List<String> out = new ArrayList<>();
    for (Object o : list) {
      out.add(string(o, where));
    }
    return out;
  }

  private static String string(Object o, String where) {
    if (o instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException(where + ": expected a string, got " + describe(o));
  }

  private static String optionalString(Object o, String where) {
    return o == null ? null : string(o, where);
  }

  /** Resolves no implicit tags: plain scalars stay strings. */
  private static final class StringsOnly extends Resolver {
    @Override
    protected void addImplicitResolvers() {}
  }

  private static String describe(Object o) {
    return o == null ? "nothing" : o.getClass().getSimpleName() + " " + o;
  }
}
