package io.mailsweep.check.spf.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Address literals without lookups, in every form the suite's {@code host} uses. */
class HostLiteralTest {

  @ParameterizedTest
  @CsvSource({
    "1.2.3.4, /1.2.3.4",
    "192.0.2.5, /192.0.2.5",
    "CAFE:BABE::1, /cafe:babe:0:0:0:0:0:1",
    "2001:db8::1, /2001:db8:0:0:0:0:0:1",
    "CAFE:BABE:8000::, /cafe:babe:8000:0:0:0:0:0",
    "CAFE:BABE::192.168.218.40, /cafe:babe:0:0:0:0:c0a8:da28",
    "1:2:3:4:5:6:7:8, /1:2:3:4:5:6:7:8",
    ":: , /0:0:0:0:0:0:0:0"
  })
  void parses(String literal, String expected) {
    assertThat(HostLiteral.parse(literal.trim()).toString()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.2.3.4", "0.0.0.0", "255.255.255.255"})
  void ipv4IsInet4(String literal) {
    assertThat(HostLiteral.parse(literal)).isInstanceOf(Inet4Address.class);
  }

  @org.junit.jupiter.api.Test
  void ipv4MappedStaysIpv6ForTheEvaluatorToUnwrap() {
    InetAddress a = HostLiteral.parse("::FFFF:1.2.3.4");
    assertThat(a).isInstanceOf(Inet6Address.class);
    assertThat(a.getAddress()).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 1, 2, 3, 4);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mail.example.com",
        "localhost",
        "1.2.3",
        "1.2.3.256",
        "1.2.3.4.5",
        "01.2.3.4x",
        "1::2::3",
        "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7",
        "12345::",
        ":1",
        "1:",
        "::g",
        "[::1]",
        ""
      })
  void rejectsAnythingButALiteral(String text) {
    assertThatThrownBy(() -> HostLiteral.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an IP address literal");
  }
}
