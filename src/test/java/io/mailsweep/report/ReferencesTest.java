package io.mailsweep.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferencesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
      RFC 7208 §4.6.4                                   | https://www.rfc-editor.org/rfc/rfc7208#section-4.6.4
      RFC 7489                                          | https://www.rfc-editor.org/rfc/rfc7489
      RFC 7489 §6.3, §7.2                               | https://www.rfc-editor.org/rfc/rfc7489#section-6.3
      RFC 5280 §4.1.2.5, §6.1.3; RFC 8461 §4.2          | https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.5
      RFC 8996 §2-3                                     | https://www.rfc-editor.org/rfc/rfc8996#section-2
      RFC 6376 §3.6.1, Appendix C                       | https://www.rfc-editor.org/rfc/rfc6376#section-3.6.1
      rfc8461                                           | https://www.rfc-editor.org/rfc/rfc8461
      draft-brand-indicators-for-message-identification-10 §7.2 | https://datatracker.ietf.org/doc/html/draft-brand-indicators-for-message-identification-10#section-7.2
      draft-ietf-dmarc-dmarcbis (DMARCbis)              | https://datatracker.ietf.org/doc/html/draft-ietf-dmarc-dmarcbis
      RFC 7489 §6.3; DMARCbis                           | https://www.rfc-editor.org/rfc/rfc7489#section-6.3
      see https://www.cisa.gov/bod-18-01.                | https://www.cisa.gov/bod-18-01
      NIST SP 800-57 Part 1 §5.6; RFC 5280              | https://www.rfc-editor.org/rfc/rfc5280
      BIMI draft-10 §4.3                                | NONE
      DMARCbis                                          | NONE
      javascript:alert(1)                               | NONE
      =HYPERLINK("http://x","y")                        | http://x
      NONE                                              | NONE
      """)
  void linksTheFirstCitation(String reference, String url) {
    assertThat(References.url(reference)).isEqualTo(url);
  }
}
