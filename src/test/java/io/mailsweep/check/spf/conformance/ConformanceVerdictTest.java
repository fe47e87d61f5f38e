package io.mailsweep.check.spf.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.spf.SpfOutcome;
import io.mailsweep.check.spf.SpfResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the driver compares an outcome with a test's expectation. */
class ConformanceVerdictTest {

  @Test
  void anyListedResultConforms() {
    SuiteCase c = testCase(List.of("permerror", "fail"), null);
    assertThat(Rfc7208ConformanceTest.mismatch(c, outcome(SpfResult.FAIL, null))).isNull();
    assertThat(Rfc7208ConformanceTest.mismatch(c, outcome(SpfResult.PERMERROR, null))).isNull();
    assertThat(Rfc7208ConformanceTest.mismatch(c, outcome(SpfResult.PASS, null)))
        .isEqualTo("result pass, expected permerror or fail");
  }

  @Test
  void anExpectedExplanationMustMatchExactly() {
    SuiteCase c = testCase(List.of("fail"), "See me.");
    assertThat(Rfc7208ConformanceTest.mismatch(c, outcome(SpfResult.FAIL, "See me."))).isNull();
    assertThat(Rfc7208ConformanceTest.mismatch(c, outcome(SpfResult.FAIL, "see me.")))
        .isEqualTo("explanation 'see me.', expected 'See me.'");
    assertThat(Rfc7208ConformanceTest.mismatch(c, outcome(SpfResult.FAIL, null)))
        .isEqualTo("explanation none, expected 'See me.'");
  }

  @Test
  void theSuiteDriversDefaultExplanationMeansNone() {
    SuiteCase c = testCase(List.of("fail"), "DEFAULT");
    assertThat(Rfc7208ConformanceTest.mismatch(c, outcome(SpfResult.FAIL, null))).isNull();
    assertThat(Rfc7208ConformanceTest.mismatch(c, outcome(SpfResult.FAIL, "DEFAULT")))
        .isEqualTo("explanation 'DEFAULT', expected none");
  }

  @Test
  void noExpectedExplanationIgnoresTheOutcomes() {
    SuiteCase c = testCase(List.of("fail"), null);
    assertThat(Rfc7208ConformanceTest.mismatch(c, outcome(SpfResult.FAIL, "anything"))).isNull();
  }

  private static SuiteCase testCase(List<String> results, String explanation) {
    return new SuiteCase(
        "t", null, "1", "helo.test", "192.0.2.1", "a@b.test", results, explanation, null);
  }

  private static SpfOutcome outcome(SpfResult result, String explanation) {
    return new SpfOutcome(result, explanation, null, 0, 0);
  }
}
