package io.mailsweep.check.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DmarcParserTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "v=DMARC1; p=reject                         | reject",
    "v=DMARC1;p=quarantine;rua=mailto:a@b.example | quarantine",
    "v = DMARC1 ; p = NONE ;                      | none",
    "v=DMARC1; p=reject; p=none                   | reject",
  })
  void readsThePolicy(String text, String policy) {
    DmarcParser.Parsed parsed = DmarcParser.parse(text);
    assertThat(parsed).isInstanceOf(DmarcParser.Parsed.Valid.class);
    assertThat(((DmarcParser.Parsed.Valid) parsed).record().policy()).isEqualTo(policy);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "v=DMARC1; p=rejct      | p=rejct is not none, quarantine or reject",
    "v=DMARC1; rua=mailto:x | no p= tag",
    "p=reject; v=DMARC1     | the record must start with v=DMARC1",
    "v=DMARC1; reject       | malformed tag 'reject' (expected name=value)",
  })
  void explainsInvalidRecords(String text, String reason) {
    assertThat(DmarcParser.parse(text)).isEqualTo(new DmarcParser.Parsed.Invalid(reason));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "v=DMARC1; p=none | true",
    "v=DMARC1         | true",
    "v=DMARC10; p=none| false",
    "v=spf1 -all      | false",
    "google-site-verification=x | false",
  })
  void selectsCandidateRecords(String text, boolean candidate) {
    assertThat(DmarcParser.isDmarc(text)).isEqualTo(candidate);
  }
}
