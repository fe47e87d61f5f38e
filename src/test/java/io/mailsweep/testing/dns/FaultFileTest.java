package io.mailsweep.testing.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The faults-file format: rules, comments, and errors that name their line. */
class FaultFileTest {

  @Test
  void readsEveryEffectAndSkipsCommentsAndBlankLines() {
    List<FaultFile.Line> rules =
        FaultFile.parse(
            List.of(
                "# lab faults",
                "   ",
                "timeout.test * TIMEOUT",
                "servfail.test A SERVFAIL  # trailing comment",
                "refused.test MX refused",
                "tc.test TXT TRUNCATE",
                "slow.test TXT DELAY 300",
                "flaky.test * SERVFAIL_FIRST 2"));
    assertThat(rules)
        .extracting(FaultFile.Line::fault)
        .containsExactly(
            Fault.timeout(),
            Fault.servfail(),
            Fault.refused(),
            Fault.truncate(),
            Fault.delay(Duration.ofMillis(300)),
            Fault.servfailFirst(2));
    assertThat(rules.get(0).key()).isEqualTo(QueryKey.of("TIMEOUT.test.", "*"));
    assertThat(rules.get(4).key()).isEqualTo(QueryKey.of("slow.test", "txt"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          timeout.test                  | expected <name>
          timeout.test * TIMEOUT 5 6    | expected <name>
          timeout.test * SLEEP          | unknown effect 'SLEEP'
          timeout.test NOTATYPE TIMEOUT | unknown type 'NOTATYPE'
          slow.test TXT DELAY           | DELAY needs a number
          slow.test TXT DELAY soon      | bad number 'soon'
          slow.test TXT DELAY -1        | DELAY does not take -1
          flaky.test * SERVFAIL_FIRST 0 | SERVFAIL_FIRST does not take 0
          timeout.test * TIMEOUT 5      | TIMEOUT takes no argument
          OK.test. * SERVFAIL           | same name and type as line 2
          """)
  void badLinesAreReportedWithTheirNumber(String line, String reason) {
    assertThatThrownBy(() -> FaultFile.parse(List.of("# ok", "ok.test * TIMEOUT", line)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("line 3: ")
        .hasMessageContaining(reason);
  }
}
