package io.mailsweep.check.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The TXT record grammar of RFC 8461 §3.1, table-driven. */
class MtaStsRecordParserTest {
  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("v=STSv1; id=20240101T000000", "20240101T000000", List.of()),
        Arguments.of("v=STSv1;id=abc", "abc", List.of()),
        Arguments.of("v=STSv1; id=abc;", "abc", List.of()),
        Arguments.of("v=STSv1 ;\tid=abc ; ", "abc", List.of()),
        Arguments.of("v=STSv1; id=" + "a".repeat(32), "a".repeat(32), List.of()),
        Arguments.of("v=STSv1; ext.v2=x:y/z; id=1", "1", List.of("ext.v2")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void readsValidRecords(String text, String id, List<String> extensions) {
    MtaStsRecordParser.Parsed parsed = MtaStsRecordParser.parse(text);
    assertThat(parsed).isInstanceOf(MtaStsRecordParser.Parsed.Valid.class);
    MtaStsRecord record = ((MtaStsRecordParser.Parsed.Valid) parsed).record();
    assertThat(record.id()).isEqualTo(id);
    assertThat(record.extensions()).isEqualTo(extensions);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("v=STSv1", "at character 7: no id= field: the record must carry the policy's id"),
        Arguments.of("v=STSv1;", "at character 8: no id= field: the record must carry the policy's id"),
        Arguments.of("v=STSv1 id=abc", "at character 8: \"v=STSv1\" must be followed by \";\""),
        Arguments.of("v=STSv10; id=abc", "at character 0: the record must start with v=STSv1;"),
        Arguments.of("v=STSv1; id=" + "a".repeat(33), "at character 12: id '" + "a".repeat(33)
            + "' must be 1 to 32 letters and digits"),
        Arguments.of("v=STSv1; id=2024-01-01", "at character 12: id '2024-01-01' must be 1 to 32 letters and digits"),
        Arguments.of("v=STSv1; id=", "at character 12: id '' must be 1 to 32 letters and digits"),
        Arguments.of("v=STSv1; id=a; id=b", "at character 15: id= appears twice"),
        Arguments.of("v=STSv1;; id=a", "at character 8: empty field (\";;\")"),
        Arguments.of("v=STSv1; id = a",
            "at character 9: 'id = a' has whitespace around \"=\", which the grammar does not allow"),
        Arguments.of("v=STSv1; id=a; v=STSv1", "at character 15: v= appears again after the version field"),
        Arguments.of("v=STSv1; id=a; junk", "at character 15: 'junk' is not a field (expected name=value)"),
        Arguments.of("v=STSv1; id=a; x=", "at character 15: the value of x= is empty or has characters the grammar"
            + " does not allow"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void positionsTheFirstProblem(String text, String problem) {
    MtaStsRecordParser.Parsed parsed = MtaStsRecordParser.parse(text);
    assertThat(parsed).isInstanceOf(MtaStsRecordParser.Parsed.Invalid.class);
    assertThat(((MtaStsRecordParser.Parsed.Invalid) parsed).problems().get(0)).isEqualTo(problem);
  }

  @Test
  void onlyRecordsStartingWithTheVersionAreMtaSts() {
    assertThat(MtaStsRecordParser.isSts("v=STSv1; id=1")).isTrue();
    assertThat(MtaStsRecordParser.isSts("v=STSv1 id=1")).isTrue();
    assertThat(MtaStsRecordParser.isSts("id=1; v=STSv1")).isFalse();
    assertThat(MtaStsRecordParser.isSts("v=spf1 -all")).isFalse();
    assertThat(MtaStsRecordParser.isSts("V=STSv1; id=1")).isFalse();
  }
}
