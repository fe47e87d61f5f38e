package io.mailsweep.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailsweep.domain.DomainName;
import io.mailsweep.input.Normalised.Accepted;
import io.mailsweep.input.Normalised.Rejected;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DomainNormaliserTest {
  private final DomainNormaliser normaliser = new DomainNormaliser();

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\0', textBlock = """
      vendor.com                                  | vendor.com
      Vendor.COM                                  | vendor.com
      vendor.com.                                 | vendor.com
      ÉXAMPLE.COM                                 | xn--xample-9ua.com
      bücher.example                              | xn--bcher-kva.example
      BÜCHER.example                              | xn--bcher-kva.example
      xn--bcher-kva.example                       | xn--bcher-kva.example
      bücher。example                              | xn--bcher-kva.example
      bücher．example                              | xn--bcher-kva.example
      bücher｡example                              | xn--bcher-kva.example
      ap@vendor.com                               | vendor.com
      AP@Vendor.Com                               | vendor.com
      first.last@mail.vendor.co.uk                | mail.vendor.co.uk
      "quoted@local"@vendor.com                   | vendor.com
      mailto:ap@vendor.com?subject=x              | vendor.com
      MAILTO:ap@vendor.com                        | vendor.com
      Jane Doe <ap@vendor.com>                    | vendor.com
      "Doe, Jane" <ap@vendor.com>                 | vendor.com
      <ap@vendor.com>                             | vendor.com
      "vendor.com"                                | vendor.com
      'vendor.com'                                | vendor.com
      “vendor.com”                                | vendor.com
      <https://vendor.com>                        | vendor.com
      https://www.vendor.com/x                    | www.vendor.com
      HTTPS://WWW.VENDOR.COM                      | www.vendor.com
      http://user:pw@vendor.com:8443/p?q#f        | vendor.com
      http://vendor.com?q=a@b.com                 | vendor.com
      https://vendor.com/contact/a@b.example      | vendor.com
      ftp://files.vendor.com                      | files.vendor.com
      www.vendor.com/path                         | www.vendor.com
      vendor.com/path?q=1#frag                    | vendor.com
      vendor.com:8080                             | vendor.com
      //vendor.com                                | vendor.com
      //vendor.com/x                              | vendor.com
      my-vendor.com                               | my-vendor.com
      3com.com                                    | 3com.com
      vendor.123abc                               | vendor.123abc
      """)
  void accepts(String raw, String expected) {
    assertEquals(new Accepted(DomainName.of(expected)), normaliser.normalise(raw));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\0', textBlock = """
      192.0.2.1                      | IP address, not a domain
      192.0.2.1.                     | IP address, not a domain
      http://192.0.2.1:8080/x        | IP address, not a domain
      ap@[192.0.2.1]                 | IP address, not a domain
      ::1                            | IP address, not a domain
      [::1]                          | IP address, not a domain
      http://[::1]:8080/             | IP address, not a domain
      2001:db8::1                    | IP address, not a domain
      2001:DB8:0:0:0:0:0:1           | IP address, not a domain
      fe80::1%eth0                   | IP address, not a domain
      ::ffff:192.0.2.1               | IP address, not a domain
      10.0.0                         | numeric top-level label
      256.1.1.1                      | numeric top-level label
      vendor.123                     | numeric top-level label
      *.vendor.com                   | wildcard, not a domain
      *                              | wildcard, not a domain
      vendor.*.com                   | illegal character '*'
      localhost                      | single-label name
      com                            | single-label name
      n/a                            | single-label name
      ap@vendor                      | single-label name
      vendor!.com                    | illegal character '!'
      bücher!.example                | illegal character '!'
      my_vendor.com                  | illegal character '_'
      _dmarc.vendor.com              | illegal character '_'
      vendor .com                    | illegal character ' '
      vendor.com:abc                 | illegal character ':'
      a:b:c                          | illegal character ':'
      [vendor.com]                   | illegal character '['
      a..b                           | empty label
      .vendor.com                    | empty label
      vendor.com..                   | empty label
      -vendor.com                    | label starts or ends with a hyphen
      vendor-.com                    | label starts or ends with a hyphen
      vendor.com-                    | label starts or ends with a hyphen
      ap@                            | no domain in value
      https://                       | no domain in value
      .                              | no domain in value
      😀.com                          | invalid internationalised name
      """)
  void rejects(String raw, String reason) {
    assertEquals(new Rejected(reason), normaliser.normalise(raw));
  }

  static Stream<Arguments> unprintable() {
    String label63 = "a".repeat(63);
    String name253 = String.join(".", label63, label63, label63, "a".repeat(61));
    return Stream.of(
        Arguments.of("\u00A0vendor.com\u00A0", "vendor.com"),
        Arguments.of(" \t vendor.com \r\n", "vendor.com"),
        Arguments.of("\u200Bvendor.com\u200B", "vendor.com"),
        Arguments.of("\uFEFFvendor.com", "vendor.com"),
        Arguments.of("\u200Evendor.com\u2060", "vendor.com"),
        Arguments.of("\u3000vendor.com\u2003", "vendor.com"),
        Arguments.of("ven\u200Bdor.com", "vendor.com"),
        Arguments.of(label63 + ".com", label63 + ".com"),
        Arguments.of(name253, name253),
        Arguments.of(name253 + ".", name253));
  }

  @ParameterizedTest
  @MethodSource("unprintable")
  void acceptsAfterCleaning(String raw, String expected) {
    assertEquals(new Accepted(DomainName.of(expected)), normaliser.normalise(raw));
  }

  static Stream<Arguments> unprintableRejections() {
    String label63 = "a".repeat(63);
    return Stream.of(
        Arguments.of(null, "empty value"),
        Arguments.of("", "empty value"),
        Arguments.of("   ", "empty value"),
        Arguments.of("\u00A0\u200B\t", "empty value"),
        Arguments.of("\"\"", "no domain in value"),
        Arguments.of("a".repeat(64) + ".com", "label longer than 63 octets"),
        Arguments.of(String.join(".", label63, label63, label63, "a".repeat(62)),
            "name longer than 253 characters"),
        Arguments.of("ü".repeat(70) + ".com", "invalid internationalised name"),
        Arguments.of("vendor\u3000.com", "invalid internationalised name"),
        Arguments.of("ven\uFFFDdor.com", "invalid characters (not valid UTF-8)"),
        Arguments.of("ven\u0000dor.com", "illegal character U+0000"),
        Arguments.of("ven\u007Fdor.com", "illegal character U+007F"));
  }

  @ParameterizedTest
  @MethodSource("unprintableRejections")
  void rejectsAfterCleaning(String raw, String reason) {
    assertEquals(new Rejected(reason), normaliser.normalise(raw));
  }
}
