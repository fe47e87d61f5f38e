package io.mailsweep.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeTextTest {

  @ParameterizedTest
  @CsvSource(delimiterString = "|", value = {
      "a\u0000b | ab",
      "tab\there | tab\there",
      "bell\u0007\u001F | bell",
      "lone\uD800high | lonehigh",
      "lone\uDC00low | lonelow",
      "nonchar\uFFFE\uFFFF | nonchar",
      "emoji \uD83D\uDE00 | emoji \uD83D\uDE00",
      "=SUM(A1) | =SUM(A1)"
  })
  void keepsOnlyXmlCharacters(String input, String expected) {
    assertThat(SafeText.clean(input)).isEqualTo(expected);
  }

  @Test
  void keepsLineBreaks() {
    assertThat(SafeText.clean("a\r\nb\n")).isEqualTo("a\r\nb\n");
  }

  @Test
  void nullBecomesEmpty() {
    assertThat(SafeText.clean(null)).isEmpty();
  }

  @Test
  void textAtTheLimitIsKept() {
    String text = "x".repeat(SafeText.MAX_CELL_CHARS);
    assertThat(SafeText.clean(text)).isSameAs(text);
  }

  @Test
  void longTextIsTruncatedWithAMarker() {
    String clean = SafeText.clean("x".repeat(40_000));
    assertThat(clean).hasSize(SafeText.MAX_CELL_CHARS).endsWith(SafeText.TRUNCATION_MARKER);
  }

  @Test
  void truncationNeverSplitsASurrogatePair() {
    int cut = SafeText.MAX_CELL_CHARS - SafeText.TRUNCATION_MARKER.length();
    String text = "x".repeat(cut - 1) + "\uD83D\uDE00" + "y".repeat(100);
    String clean = SafeText.clean(text);
    assertThat(clean).hasSize(SafeText.MAX_CELL_CHARS - 1).endsWith("x" + SafeText.TRUNCATION_MARKER);
  }
}
