package io.mailsweep.check.bimi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The BIMI assertion record syntax, table-driven; no DNS, nothing fetched. */
class BimiParserTest {
  private static BimiRecord valid(String text) {
    BimiParser.Parsed parsed = BimiParser.parse(text);
    assertThat(parsed).as(text).isInstanceOf(BimiParser.Parsed.Valid.class);
    return ((BimiParser.Parsed.Valid) parsed).record();
  }

  private static List<String> codes(String text) {
    return BimiParser.parse(text).problems().stream().map(p -> p.type().name()).toList();
  }

  @Test
  void readsLogoCertificateAndPreferences() {
    BimiRecord r = valid("v=BIMI1; l=https://brand.test/logo.svg; a=https://brand.test/vmc.pem; avp=personal;"
        + " lps=true");
    assertThat(r.location()).isEqualTo("https://brand.test/logo.svg");
    assertThat(r.evidence()).isEqualTo("https://brand.test/vmc.pem");
    assertThat(r.declined()).isFalse();
    assertThat(r.avatarPreference()).isEqualTo("personal");
    assertThat(r.localPartSelectors()).isTrue();
    assertThat(codes(r.text())).isEmpty();
    BimiRecord plain = valid("v=BIMI1;l=https://brand.test/logo.svgz");
    assertThat(plain.evidence()).isNull();
    assertThat(plain.avatarPreference()).isEqualTo("brand");
    assertThat(plain.localPartSelectors()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "v=BIMI1; l=; a=;                       | true",
    "v=BIMI1; l=                            | true",
    "v=BIMI1; l=; a=https://brand.test/vmc.pem | false",
  })
  void anEmptyLogoAndCertificateDecline(String text, boolean declined) {
    assertThat(valid(text).declined()).isEqualTo(declined);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "v=BIMI1; l=http://brand.test/logo.svg            | BIMI_URL_NOT_HTTPS",
    "v=BIMI1; l=https://brand.test/logo.svg; a=ftp://brand.test/vmc.pem | BIMI_URL_NOT_HTTPS",
    "v=BIMI1; l=/logo.svg                             | BIMI_INVALID_URL",
    "v=BIMI1; l=https://localhost/logo.svg            | BIMI_INVALID_URL",
    "v=BIMI1; l=https://brand.test/a b.svg            | BIMI_INVALID_URL",
    "v=BIMI1; l=https://a.test/1.svg,https://a.test/2.svg | BIMI_INVALID_URL",
    "v=BIMI1; l=https://brand.test/logo.png           | BIMI_LOGO_NOT_SVG",
    "v=BIMI1; l=https://brand.test/logo.svg; avp=logo | BIMI_INVALID_TAG_VALUE",
    "v=BIMI1; l=https://brand.test/logo.svg; lps=yes  | BIMI_INVALID_TAG_VALUE",
    "v=BIMI1; l=https://brand.test/logo.svg; s=x      | BIMI_UNKNOWN_TAG",
  })
  void problemsThatLeaveTheRecordReadable(String text, String code) {
    valid(text);
    assertThat(codes(text)).containsExactly(code);
  }

  @Test
  void anUnusableLogoIsNotALogo() {
    assertThat(valid("v=BIMI1; l=http://brand.test/logo.svg").location()).isNull();
    assertThat(BimiParser.parse("v=BIMI1; l=http://brand.test/logo.svg").problems().get(0).message())
        .isEqualTo("l=http://brand.test/logo.svg uses http:, not https:");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "l=https://brand.test/logo.svg; v=BIMI1     | the record must start with exactly v=BIMI1",
    "v=bimi1; l=https://brand.test/logo.svg     | the record must start with exactly v=BIMI1",
    "V=BIMI1; l=https://brand.test/logo.svg     | the record must start with exactly v=BIMI1",
    "v=BIMI1; a=https://brand.test/vmc.pem      | no l= tag (it is required; an empty l= and a= decline BIMI)",
    "v=BIMI1; l=; l=                            | the tag l= appears twice (RFC 6376 §3.2: the whole list is then invalid)",
    "v=BIMI1; logo                              | 'logo' is not a tag (expected name=value)",
  })
  void unreadableRecords(String text, String reason) {
    BimiParser.Parsed parsed = BimiParser.parse(text);
    assertThat(parsed).isInstanceOf(BimiParser.Parsed.Invalid.class);
    assertThat(parsed.problems()).hasSize(1);
    assertThat(parsed.problems().get(0).type()).isEqualTo(BimiFinding.BIMI_INVALID);
    assertThat(parsed.problems().get(0).message()).isEqualTo(reason);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "v=BIMI1; l=         | true",
    "v=bimi1; l=         | true",
    "v=BIMI10; l=        | false",
    "v=DMARC1; p=none    | false",
  })
  void selectsCandidateRecords(String text, boolean candidate) {
    assertThat(BimiParser.isBimi(text)).isEqualTo(candidate);
  }
}
