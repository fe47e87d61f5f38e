package io.mailsweep.check.spf.conformance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One YAML document of the suite: tests sharing one set of DNS data.
 *
 * @param cases the tests in file order
 * @param zoneData owner name as written → entries in file order
 */
record SuiteScenario(
    String description, List<SuiteCase> cases, Map<String, List<SuiteRecord>> zoneData) {

  SuiteScenario {
    cases = List.copyOf(cases);
    Map<String, List<SuiteRecord>> copy = new LinkedHashMap<>();
    zoneData.forEach((name, records) -> copy.put(name, List.copyOf(records)));
    zoneData = Collections.unmodifiableMap(copy);
  }
}
