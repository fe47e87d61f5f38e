package io.mailsweep.check.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.domain.DomainName;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The record syntax of RFC 7489 §6.4 with the DMARCbis tags, table-driven; no DNS. */
class DmarcParserTest {
  private static DmarcRecord valid(String text) {
    DmarcParser.Parsed parsed = DmarcParser.parse(text);
    assertThat(parsed).as(text).isInstanceOf(DmarcParser.Parsed.Valid.class);
    return ((DmarcParser.Parsed.Valid) parsed).record();
  }

  private static List<String> codes(DmarcParser.Parsed parsed) {
    return parsed.problems().stream().map(p -> p.type().name()).toList();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "v=DMARC1; p=reject                           | REJECT",
    "v=DMARC1;p=quarantine;rua=mailto:a@b.example | QUARANTINE",
    "v = DMARC1 ; p = NONE ;                      | NONE",
    "v=DMARC1;; p=reject;                         | REJECT",
    "'  v=DMARC1; P=Reject'                       | REJECT",
  })
  void readsThePolicy(String text, DmarcPolicy policy) {
    assertThat(valid(text).p()).isEqualTo(policy);
    assertThat(DmarcParser.parse(text).problems()).isEmpty();
  }

  @Test
  void readsEveryTag() {
    DmarcRecord r = valid("v=DMARC1; p=quarantine; sp=reject; np=none; pct=50; t=y; adkim=s; aspf=s;"
        + " fo=0:1 : d:s; rf=afrf; ri=3600; psd=n; rua=mailto:a@x.test,mailto:b%2Breports@Y.test!10m;"
        + " ruf=mailto:f@x.test?subject=dmarc");
    assertThat(r.p()).isEqualTo(DmarcPolicy.QUARANTINE);
    assertThat(r.sp()).isEqualTo(DmarcPolicy.REJECT);
    assertThat(r.np()).isEqualTo(DmarcPolicy.NONE);
    assertThat(r.pct()).isEqualTo(50);
    assertThat(r.testing()).isTrue();
    assertThat(r.adkim()).isEqualTo(Alignment.STRICT);
    assertThat(r.aspf()).isEqualTo(Alignment.STRICT);
    assertThat(r.fo()).isEqualTo("0:1:d:s");
    assertThat(r.ri()).isEqualTo(3600);
    assertThat(r.psd()).isEqualTo("n");
    assertThat(r.aggregate()).extracting(ReportUri::address).containsExactly("a@x.test", "b+reports@Y.test");
    assertThat(r.aggregate().get(1).host()).isEqualTo(DomainName.of("y.test"));
    assertThat(r.aggregate().get(1).sizeLimit()).isEqualTo("10m");
    assertThat(r.failure()).extracting(ReportUri::address).containsExactly("f@x.test");
    assertThat(r.tags()).extracting(TagList.Tag::name).startsWith("v", "p", "sp", "np");
  }

  @Test
  void absentTagsHoldTheirDefaults() {
    DmarcRecord r = valid("v=DMARC1; p=none");
    assertThat(r.sp()).isNull();
    assertThat(r.np()).isNull();
    assertThat(r.subdomainPolicy()).isEqualTo(DmarcPolicy.NONE);
    assertThat(r.pct()).isEqualTo(100);
    assertThat(r.testing()).isFalse();
    assertThat(r.adkim()).isEqualTo(Alignment.RELAXED);
    assertThat(r.aspf()).isEqualTo(Alignment.RELAXED);
    assertThat(r.fo()).isEqualTo("0");
    assertThat(r.rf()).isEqualTo("afrf");
    assertThat(r.ri()).isEqualTo(86400);
    assertThat(r.psd()).isEqualTo("u");
    assertThat(r.aggregate()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "v=DMARC1; p=rejct                 | p=rejct is not none, quarantine or reject              | 10",
    "v=DMARC1; p=reject; sp=everything | sp=everything is not none, quarantine or reject        | 20",
    "v=DMARC1; adkim=s                 | no p= tag                                              | 0",
    "p=reject; v=DMARC1                | the record must start with v=DMARC1                    | 0",
    "v=dmarc1; p=reject                | v=dmarc1 is not exactly DMARC1                         | 0",
    "v=DMARC1 p=reject                 | v=DMARC1 p=reject is not exactly DMARC1                | 0",
    "v=DMARC1; reject                  | 'reject' is not a tag (expected name=value)            | 10",
    "v=DMARC1; p=reject; 1x=y          | '1x' is not a tag name                                 | 20",
    "v=DMARC1; p=reject; p=none        | the tag p= appears twice (RFC 6376 §3.2: the whole list is then invalid) | 20",
  })
  void explainsUnusableRecordsWithThePosition(String text, String reason, int position) {
    DmarcParser.Parsed parsed = DmarcParser.parse(text);
    assertThat(parsed).isInstanceOf(DmarcParser.Parsed.Invalid.class);
    assertThat(((DmarcParser.Parsed.Invalid) parsed).reason()).isEqualTo(reason);
    assertThat(parsed.problems().get(0).position()).isEqualTo(position);
    assertThat(parsed.problems().get(0).type()).isEqualTo(DmarcFinding.DMARC_INVALID);
  }

  @Test
  void aMissingPolicyWithUsableReportsIsExplained() {
    DmarcParser.Parsed parsed = DmarcParser.parse("v=DMARC1; rua=mailto:d@x.test");
    assertThat(((DmarcParser.Parsed.Invalid) parsed).reason())
        .isEqualTo("no p= tag; receivers that follow RFC 7489 §6.6.3 treat the record as p=none because its"
            + " rua= is usable");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "pct=150                        | DMARC_INVALID_PCT",
    "pct=-1                         | DMARC_INVALID_PCT",
    "pct=50.5                       | DMARC_INVALID_PCT",
    "pct=                           | DMARC_INVALID_PCT",
    "ri=abc                         | DMARC_INVALID_RI",
    "ri=99999999999                 | DMARC_INVALID_RI",
    "rf=xml                         | DMARC_INVALID_RF",
    "fo=2                           | DMARC_INVALID_FO",
    "fo=0:x                         | DMARC_INVALID_FO",
    "adkim=x                        | DMARC_INVALID_ALIGNMENT",
    "aspf=relaxed                   | DMARC_INVALID_ALIGNMENT",
    "np=bogus                       | DMARC_INVALID_NP",
    "t=maybe                        | DMARC_INVALID_T",
    "psd=q                          | DMARC_INVALID_PSD",
    "rua=dmarc@x.test               | DMARC_INVALID_REPORT_URI",
    "rua=mailto:dmarc@x.test!10x    | DMARC_INVALID_REPORT_URI",
    "rua=mailto:not-an-address      | DMARC_INVALID_REPORT_URI",
    "rua=mailto:a@localhost         | DMARC_INVALID_REPORT_URI",
    "rua=mailto:a@x..test           | DMARC_INVALID_REPORT_URI",
    "rua=mailto:a%zz@x.test         | DMARC_INVALID_REPORT_URI",
    "rua=mailto:a@x.test,           | DMARC_INVALID_REPORT_URI",
    "rua=                           | DMARC_INVALID_REPORT_URI",
    "ruf=https://x.test/reports     | DMARC_REPORT_URI_NOT_MAILTO",
    "foo=bar                        | DMARC_UNKNOWN_TAG",
  })
  void everyInvalidTagValueIsAFindingAndTheRecordStaysUsable(String tag, String code) {
    String text = "v=DMARC1; p=reject; " + tag;
    DmarcParser.Parsed parsed = DmarcParser.parse(text);
    assertThat(parsed).as(text).isInstanceOf(DmarcParser.Parsed.Valid.class);
    assertThat(codes(parsed)).containsExactly(code);
    assertThat(parsed.problems().get(0).position()).isEqualTo(text.indexOf(tag.substring(0, 2), 19));
  }

  @Test
  void invalidValuesFallBackToTheDefaults() {
    DmarcRecord r = valid("v=DMARC1; p=reject; pct=150; adkim=x; t=maybe; np=bogus; ri=abc");
    assertThat(r.pct()).isEqualTo(100);
    assertThat(r.adkim()).isEqualTo(Alignment.RELAXED);
    assertThat(r.testing()).isFalse();
    assertThat(r.np()).isNull();
    assertThat(r.ri()).isEqualTo(86400);
    DmarcParser.Parsed parsed = DmarcParser.parse("v=DMARC1; p=reject; pct=150");
    assertThat(parsed.problems().get(0).message())
        .isEqualTo("pct=150 is not a whole number from 0 to 100; receivers use the default pct=100");
  }

  @Test
  void anUnusableDestinationDoesNotHideTheOthers() {
    DmarcParser.Parsed parsed = DmarcParser.parse("v=DMARC1; p=reject; rua=dmarc@x.test, mailto:ok@x.test");
    assertThat(((DmarcParser.Parsed.Valid) parsed).record().aggregate()).extracting(ReportUri::address)
        .containsExactly("ok@x.test");
    assertThat(parsed.problems().get(0).message())
        .isEqualTo("rua destination 'dmarc@x.test' is not a URI (a report address is written mailto:dmarc@x.test)");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "v=DMARC1; p=none           | true",
    "v=DMARC1                   | true",
    "v=dmarc1; p=none           | true",
    "v=DMARC1 p=none            | true",
    "v=DMARC10; p=none          | false",
    "v=spf1 -all                | false",
    "google-site-verification=x | false",
  })
  void selectsCandidateRecords(String text, boolean candidate) {
    assertThat(DmarcParser.isDmarc(text)).isEqualTo(candidate);
  }
}
