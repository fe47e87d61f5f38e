package io.mailsweep.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.Status;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The semantics of the rule language's tests and combinators over one check's facts. */
class ConditionTest {
  private static DomainFacts facts(String value) {
    return new Facts().put("x", Status.PASS, "s", Set.of("A_CODE", "B_CODE"), "v", value).build();
  }

  private static FactTest test(FactTest.Kind kind, String... operands) {
    return new FactTest("x", kind, kind.ordinal() >= FactTest.Kind.EQUALS.ordinal() ? "v" : null, List.of(operands));
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      EQUALS   | Reject              | reject            | true
      EQUALS   | none                | reject,quarantine | false
      EQUALS   | ""                  | reject            | false
      INCLUDES | "mailto:a@x, mailto:B@y" | mailto:b@y   | true
      INCLUDES | mailto:a@x,mailto:b@y | mailto:b@y,mailto:a@x | true
      INCLUDES | mailto:a@x          | mailto:a          | false
      INCLUDES | ""                  | a                 | false
      EXCLUDES | "3DES, NULL"        | 3des,RC4          | false
      EXCLUDES | NULL                | 3DES,RC4          | true
      EXCLUDES | ""                  | 3DES              | true
      AT_LEAST | 2048                | 2048              | true
      AT_LEAST | 1024                | 2048              | false
      AT_LEAST | 2048.5              | 2048              | true
      AT_LEAST | lots                | 1                 | false
      AT_LEAST | ""                  | 1                 | false
      AT_MOST  | 10                  | 10                | true
      AT_MOST  | 11                  | 10                | false
      PRESENT  | x                   |                   | true
      PRESENT  | "  "                |                   | false
      ABSENT   | ""                  |                   | true
      ABSENT   | x                   |                   | false
      """)
  void attributeTests(FactTest.Kind kind, String value, String operands, boolean holds) {
    String[] ops = operands == null ? new String[0] : operands.split(",");
    assertThat(test(kind, ops).holds(facts(value == null ? "" : value))).isEqualTo(holds);
  }

  @Test
  void statusAndFindingTests() {
    DomainFacts f = facts("v");
    assertThat(test(FactTest.Kind.STATUS, "PASS", "WARN").holds(f)).isTrue();
    assertThat(test(FactTest.Kind.STATUS, "FAIL").holds(f)).isFalse();
    assertThat(test(FactTest.Kind.HAS_FINDING, "C_CODE", "B_CODE").holds(f)).isTrue();
    assertThat(test(FactTest.Kind.HAS_FINDING, "C_CODE").holds(f)).isFalse();
    assertThat(test(FactTest.Kind.LACKS_FINDING, "C_CODE").holds(f)).isTrue();
    assertThat(test(FactTest.Kind.LACKS_FINDING, "C_CODE", "A_CODE").holds(f)).isFalse();
    assertThat(test(FactTest.Kind.LACKS_FINDING, "C_CODE", "A_CODE").unmet(f))
        .isEqualTo("x has none of C_CODE, A_CODE (found: A_CODE)");
  }

  @Test
  void combinatorsExplainWhatIsMissing() {
    DomainFacts f = facts("1024");
    Condition bits = test(FactTest.Kind.AT_LEAST, "2048");
    Condition absent = test(FactTest.Kind.ABSENT);
    Condition any = new Condition.AnyOf(List.of(bits, absent));
    assertThat(any.holds(f)).isFalse();
    assertThat(any.unmet(f)).isEqualTo("none of: x v is at least 2048 (found: 1024) | x v is absent (found: 1024)");
    Condition all = new Condition.AllOf(List.of(test(FactTest.Kind.STATUS, "PASS"), bits));
    assertThat(all.unmet(f)).isEqualTo("x v is at least 2048 (found: 1024)");
    Condition not = new Condition.Not(test(FactTest.Kind.EQUALS, "1024"));
    assertThat(not.holds(f)).isFalse();
    assertThat(not.unmet(f)).isEqualTo("must not hold: x v is 1024");
    assertThat(new Condition.AllOf(List.of(any, not)).checks()).containsExactly("x");
  }

  @Test
  void longValuesAreShortenedInExplanations() {
    String unmet = test(FactTest.Kind.EQUALS, "y").unmet(facts("z".repeat(500)));
    assertThat(unmet).hasSizeLessThan(200).endsWith("…)");
    RuleOutcome o = new RuleOutcome("r", Status.FAIL, "d".repeat(2000));
    assertThat(o.detail()).hasSize(RuleOutcome.MAX_DETAIL);
  }
}
