package io.mailsweep.check.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The RFC 8460 §3 grammar, case by case. */
class TlsRptParserTest {

  static Stream<Arguments> validRecords() {
    return Stream.of(
        Arguments.of("v=TLSRPTv1; rua=mailto:tls@vendor.test", List.of("mailto:tls@vendor.test"), List.of()),
        Arguments.of("v=TLSRPTv1;rua=mailto:tls@vendor.test,https://report.vendor.test/tls",
            List.of("mailto:tls@vendor.test", "https://report.vendor.test/tls"), List.of()),
        Arguments.of("v=TLSRPTv1; rua=https://report.vendor.test:8443/v1/tls?k=1",
            List.of("https://report.vendor.test:8443/v1/tls?k=1"), List.of()),
        Arguments.of("v=TLSRPTv1 ;\trua=mailto:a@vendor.test , mailto:b@vendor.test ; ",
            List.of("mailto:a@vendor.test", "mailto:b@vendor.test"), List.of()),
        Arguments.of("v=TLSRPTv1; rua=mailto:tls%2Breports@vendor.test;",
            List.of("mailto:tls%2Breports@vendor.test"), List.of()),
        Arguments.of("v=TLSRPTv1; x-vendor=abc; rua=mailto:tls@vendor.test; 9ext.v_2=a:b/c",
            List.of("mailto:tls@vendor.test"), List.of("x-vendor", "9ext.v_2")),
        Arguments.of("v=TLSRPTv1; RUA=mailto:tls@vendor.test; rua=mailto:tls@vendor.test",
            List.of("mailto:tls@vendor.test"), List.of("RUA")));
  }

  @ParameterizedTest
  @MethodSource("validRecords")
  void validRecords(String text, List<String> rua, List<String> extensions) {
    TlsRptParser.Parsed parsed = TlsRptParser.parse(text);
    assertThat(parsed).isInstanceOf(TlsRptParser.Parsed.Valid.class);
    TlsRptRecord record = ((TlsRptParser.Parsed.Valid) parsed).record();
    assertThat(record.rua()).isEqualTo(rua);
    assertThat(record.extensions()).isEqualTo(extensions);
  }

  static Stream<Arguments> invalidRecords() {
    String invalid = "TLSRPT_INVALID";
    String rua = "TLSRPT_INVALID_RUA";
    return Stream.of(
        Arguments.of("rua=mailto:tls@vendor.test", invalid, 0, "no version field"),
        Arguments.of("rua=mailto:tls@vendor.test; v=TLSRPTv1", invalid, 0, "must come first"),
        Arguments.of("v=TLSRPTv2; rua=mailto:tls@vendor.test", invalid, 0, "'v=TLSRPTv2', not v=TLSRPTv1"),
        Arguments.of("v=TLSRPTv10; rua=mailto:tls@vendor.test", invalid, 0, "not v=TLSRPTv1"),
        Arguments.of("v=TLSRPTv1 rua=mailto:tls@vendor.test", invalid, 0, "must be followed by \";\""),
        Arguments.of("v=TLSRPTv1", invalid, 10, "no rua= field"),
        Arguments.of("v=TLSRPTv1;", invalid, 11, "no rua= field"),
        Arguments.of("v=TLSRPTv1; x=1", invalid, 15, "no rua= field"),
        Arguments.of("v=TLSRPTv1;; rua=mailto:tls@vendor.test", invalid, 11, "empty field"),
        Arguments.of("v=TLSRPTv1; rua = mailto:tls@vendor.test", invalid, 12, "whitespace around \"=\""),
        Arguments.of("v=TLSRPTv1; rua= mailto:tls@vendor.test", rua, 16, "whitespace after \"=\""),
        Arguments.of("v=TLSRPTv1; rua=", rua, 16, "rua= is empty"),
        Arguments.of("v=TLSRPTv1; rua=mailto:a@vendor.test; rua=mailto:b@vendor.test", invalid, 38, "appears twice"),
        Arguments.of("v=TLSRPTv1; rua=mailto:tls@vendor.test; v=TLSRPTv1", invalid, 40, "v= appears again"),
        Arguments.of("v=TLSRPTv1; rua=mailto:tls@vendor.test; noequals", invalid, 40, "is not a field"),
        Arguments.of("v=TLSRPTv1; rua=mailto:tls@vendor.test; ext=", invalid, 40, "value of ext= is empty"),
        Arguments.of("v=TLSRPTv1; rua=mailto:tls@vendor.test; _ext=1", invalid, 40, "not a field name"),
        Arguments.of("v=TLSRPTv1; rua=mailto:tls@vendor.test!10m", rua, 16, "size limit"),
        Arguments.of("v=TLSRPTv1; rua=mailto:vendor.test", rua, 16, "not a single e-mail address"),
        Arguments.of("v=TLSRPTv1; rua=mailto:tls@", rua, 16, "not a domain name"),
        Arguments.of("v=TLSRPTv1; rua=mailto:tls@vendor.test%2", rua, 16, "malformed %-escape"),
        Arguments.of("v=TLSRPTv1; rua=http://report.vendor.test/tls", rua, 16, "http: scheme"),
        Arguments.of("v=TLSRPTv1; rua=https:/tls", rua, 16, "has no host"),
        Arguments.of("v=TLSRPTv1; rua=https://report vendor.test/", rua, 16, "not a valid URL"),
        Arguments.of("v=TLSRPTv1; rua=tls@vendor.test", rua, 16, "is not a URI"),
        Arguments.of("v=TLSRPTv1; rua=mailto:a@vendor.test,,mailto:b@vendor.test", rua, 37, "stray comma"),
        Arguments.of("v=TLSRPTv1; rua=mailto:a@vendor.test, ftp://x.test/", rua, 38, "ftp: scheme"));
  }

  @ParameterizedTest
  @MethodSource("invalidRecords")
  void invalidRecords(String text, String code, int position, String message) {
    TlsRptParser.Parsed parsed = TlsRptParser.parse(text);
    assertThat(parsed).isInstanceOf(TlsRptParser.Parsed.Invalid.class);
    TlsRptProblem first = ((TlsRptParser.Parsed.Invalid) parsed).problems().get(0);
    assertThat(first.type().name()).isEqualTo(code);
    assertThat(first.position()).isEqualTo(position);
    assertThat(first.message()).contains(message);
  }

  @Test
  void onlyTextStartingWithTheVersionIsSelected() {
    assertThat(TlsRptParser.isTlsRpt("v=TLSRPTv1; rua=mailto:tls@vendor.test")).isTrue();
    assertThat(TlsRptParser.isTlsRpt(" v=TLSRPTv1; rua=mailto:tls@vendor.test")).isFalse();
    assertThat(TlsRptParser.isTlsRpt("v=tlsrptv1; rua=mailto:tls@vendor.test")).isFalse();
    assertThat(TlsRptParser.isTlsRpt("rua=mailto:tls@vendor.test; v=TLSRPTv1")).isFalse();
    assertThat(TlsRptParser.isTlsRpt("v=spf1 -all")).isFalse();
  }

  @Test
  void everyBadDestinationIsReported() {
    TlsRptParser.Parsed parsed = TlsRptParser.parse("v=TLSRPTv1; rua=mailto:x,https://ok.vendor.test/,http://a.test/");
    assertThat(((TlsRptParser.Parsed.Invalid) parsed).problems())
        .extracting(TlsRptProblem::position).containsExactly(16, 49);
  }
}
