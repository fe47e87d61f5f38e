package io.mailsweep.check.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.domain.DomainName;
import io.mailsweep.testing.tls.TestCa;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 6125 §6.4 as profiled by RFC 7817 §3, case by case. */
class HostnameMatcherTest {
  private static final TestCa CA = TestCa.create("Lab CA");

  static Stream<Arguments> names() {
    return Stream.of(
        Arguments.of("mx.example.com", "mx.example.com", true),
        Arguments.of("MX.Example.COM", "mx.example.com", true),
        Arguments.of("mx.example.com", "MX.EXAMPLE.COM", true),
        Arguments.of("mx.example.com.", "mx.example.com", true),
        Arguments.of("mx.example.com", "mx.example.com.", true),
        Arguments.of("mx.example.com", "example.com", false),
        Arguments.of("example.com", "mx.example.com", false),
        Arguments.of("mx.example.com", "", false),
        Arguments.of("mx.example.com", ".", false),
        // wildcards: the complete left-most label, exactly one label
        Arguments.of("a.example.com", "*.example.com", true),
        Arguments.of("A.EXAMPLE.COM", "*.Example.Com.", true),
        Arguments.of("example.com", "*.example.com", false),
        Arguments.of("a.b.example.com", "*.example.com", false),
        Arguments.of("foo.example.com", "f*.example.com", false),
        Arguments.of("foo.example.com", "*oo.example.com", false),
        Arguments.of("foo.example.com", "f*o.example.com", false),
        Arguments.of("a.example.com", "a.*.com", false),
        Arguments.of("a.b.example.com", "a.*.example.com", false),
        Arguments.of("a.example.com", "*.*.com", false),
        Arguments.of("a.example.com", "*.example.*", false),
        Arguments.of("example.com", "*.com", false),
        Arguments.of("example.com", "*.com.", false),
        Arguments.of("a.example.com", "*", false),
        Arguments.of("*.example.com", "*.example.com", false),
        // IDN: A-labels compare case-insensitively; a U-label is compared in its A-label form
        Arguments.of("xn--bcher-kva.example", "XN--BCHER-KVA.example", true),
        Arguments.of("xn--bcher-kva.example", "bücher.example", true),
        Arguments.of("mx.xn--bcher-kva.example", "*.XN--Bcher-kva.example", true),
        Arguments.of("xn--bcher-kva.example", "xn--*.example", false),
        Arguments.of("xn--bcher-kva.example", "bucher.example", false));
  }

  @ParameterizedTest(name = "{0} vs {1} -> {2}")
  @MethodSource("names")
  void matches(String reference, String presented, boolean expected) {
    assertThat(HostnameMatcher.matches(reference, presented)).isEqualTo(expected);
  }

  @Test
  void subjectAltNamesAreUsedAndTheCommonNameIgnoredWhenThereAreAny() {
    var cert = CA.leaf().names("san.test", "*.pool.test").commonName("cn.test").issue().certificate();

    var san = HostnameMatcher.match(DomainName.of("san.test"), cert);
    assertThat(san.matched()).isTrue();
    assertThat(san.names()).containsExactly("san.test", "*.pool.test");
    assertThat(san.commonNameUsed()).isFalse();
    assertThat(HostnameMatcher.match(DomainName.of("mx3.pool.test"), cert).matched()).isTrue();
    assertThat(HostnameMatcher.match(DomainName.of("cn.test"), cert).matched()).isFalse();
  }

  @Test
  void commonNameIsTheFallbackOnlyWithoutDnsNames() {
    var cert = CA.leaf().names().commonName("cn.test").issue().certificate();

    var cn = HostnameMatcher.match(DomainName.of("CN.test."), cert);
    assertThat(cn.matched()).isTrue();
    assertThat(cn.names()).containsExactly("cn.test");
    assertThat(cn.commonNameUsed()).isTrue();
    assertThat(HostnameMatcher.match(DomainName.of("other.test"), cert).matched()).isFalse();
  }

  @Test
  void wildcardCommonNameFollowsTheSameRules() {
    var cert = CA.leaf().names().commonName("*.cn.test").issue().certificate();

    assertThat(HostnameMatcher.match(DomainName.of("mx.cn.test"), cert).matched()).isTrue();
    assertThat(HostnameMatcher.match(DomainName.of("cn.test"), cert).matched()).isFalse();
  }

  @Test
  void idnALabelInTheCertificateMatchesCaseInsensitively() {
    var cert = CA.leaf().names("MX.XN--BCHER-KVA.EXAMPLE").issue().certificate();

    assertThat(HostnameMatcher.match(DomainName.of("mx.xn--bcher-kva.example"), cert).matched()).isTrue();
  }

  @Test
  void certificateWithNoNameAtAllMatchesNothing() {
    var cert = CA.leaf().names().commonName("Mail Server").issue().certificate();

    var none = HostnameMatcher.match(DomainName.of("mx.test"), cert);
    assertThat(none.matched()).isFalse();
    assertThat(none.names()).containsExactly("Mail Server");
  }
}
