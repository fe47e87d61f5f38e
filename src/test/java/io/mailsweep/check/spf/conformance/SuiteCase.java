package io.mailsweep.check.spf.conformance;

import java.util.List;

/**
 * One test of the openspf suite, as written in the YAML.
 *
 * @param id the test's key, unique over the whole suite
 * @param description the test's own description, or null
 * @param spec the RFC 7208 section it exercises, e.g. {@code 4.3/1}
 * @param host the connecting address, an IPv4 or IPv6 literal
 * @param mailFrom the MAIL FROM identity, empty for the null reverse-path
 * @param results the acceptable results in the suite's order (the first is preferred)
 * @param explanation the expected explanation of a FAIL, or null when the test does not say
 * @param receiver the receiving host's name for the %{r} macro, or null
 */
record SuiteCase(
    String id,
    String description,
    String spec,
    String helo,
    String host,
    String mailFrom,
    List<String> results,
    String explanation,
    String receiver) {

  SuiteCase {
    results = List.copyOf(results);
    if (results.isEmpty()) {
      throw new IllegalArgumentException(id + ": no expected result");
    }
  }
}
