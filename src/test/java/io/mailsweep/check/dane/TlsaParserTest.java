package io.mailsweep.check.dane;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TLSA presentation text, well-formed or not, and which well-formed records SMTP senders use. */
class TlsaParserTest {
  private static final String SHA256 = "0a".repeat(32);
  private static final String SHA512 = "0b".repeat(64);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      3 1 1 0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A | 3 1 1 $256
      3 0 1 0a0a0a0a0a0a0a0a 0a0a0a0a0a0a0a0a 0a0a0a0a0a0a0a0a 0a0a0a0a0a0a0a0a | 3 0 1 $256
      2 0 2 $512                                                        | 2 0 2 $512
      3 1 0 3059301306072a8648ce3d                                      | 3 1 0 3059301306072a8648ce3d
      """)
  void wellFormedRecordsAreReadWithLowerCaseData(String text, String expected) {
    TlsaParser.Parsed parsed = TlsaParser.parse(expand(text));
    assertThat(parsed).isInstanceOf(TlsaParser.Parsed.Valid.class);
    assertThat(((TlsaParser.Parsed.Valid) parsed).record().presentation()).isEqualTo(expand(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      3 1 1                | expected usage, selector, matching type and data
      3 1 x $256           | 'x' is not a number from 0 to 255
      3 256 1 $256         | '256' is not a number from 0 to 255
      3 1 -1 $256          | '-1' is not a number from 0 to 255
      3 1 0 abc            | the association data is not hex octets
      3 1 0 zz             | the association data is not hex octets
      3 1 1 0a0a           | matching type 1 needs a 32-octet digest, the data has 2
      3 1 2 $256           | matching type 2 needs a 64-octet digest, the data has 32
      """)
  void malformedRecordsSayWhy(String text, String problem) {
    TlsaParser.Parsed parsed = TlsaParser.parse(expand(text));
    assertThat(parsed).isInstanceOf(TlsaParser.Parsed.Malformed.class);
    assertThat(((TlsaParser.Parsed.Malformed) parsed).problem()).isEqualTo(problem);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      0 0 1 $256 | certificate usage 0 (PKIX-TA) is not used by SMTP senders
      1 1 1 $256 | certificate usage 1 (PKIX-EE) is not used by SMTP senders
      4 1 1 $256 | certificate usage 4 is not assigned
      3 2 1 $256 | selector 2 is not assigned
      3 1 3 0a0a | matching type 3 is not assigned
      3 1 1 $256 |
      2 0 1 $256 |
      """)
  void onlyDaneUsagesWithAssignedParametersAreUsable(String text, String unusable) {
    TlsaRecord r = ((TlsaParser.Parsed.Valid) TlsaParser.parse(expand(text))).record();
    if (unusable == null) {
      assertThat(r.unusable()).isNull();
    } else {
      assertThat(r.unusable()).startsWith(unusable);
    }
  }

  private static String expand(String text) {
    return text.replace("$256", SHA256).replace("$512", SHA512);
  }
}
