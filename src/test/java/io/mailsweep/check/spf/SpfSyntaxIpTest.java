package io.mailsweep.check.spf;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpfSyntaxIpTest {
  @ParameterizedTest
  @CsvSource({
    "0.0.0.0,         00000000",
    "192.0.2.3,       c0000203",
    "255.255.255.255, ffffffff",
    "10.100.199.249,  0a64c7f9",
  })
  void readsQnumDottedQuads(String text, String hex) {
    assertThat(SpfSyntaxIp.ip4(text)).map(InetAddress::getAddress)
        .contains(HexFormat.of().parseHex(hex));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1.2.3", "1.2.3.4.", ".1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.04",
      "00.1.2.3", "1.2.3.-1", "1.2.3.+1", "1..2.3", "a.b.c.d", "1.2.3.4 ", "\u0661.2.3.4",
      "1.2.3.0x1", "1.2.3.1000"})
  void rejectsOtherIpv4Texts(String text) {
    assertThat(SpfSyntaxIp.ip4(text)).as(text).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "::,                           00000000000000000000000000000000",
    "::1,                          00000000000000000000000000000001",
    "1::,                          00010000000000000000000000000000",
    "1:2:3:4:5:6:7::,              00010002000300040005000600070000",
    "::2:3:4:5:6:7:8,              00000002000300040005000600070008",
    "2001:db8::cb01,               20010db800000000000000000000cb01",
    "2001:DB8:0:0:0:0:0:CB01,      20010db800000000000000000000cb01",
    "2001:0db8:0000::0:00cb:1,     20010db80000000000000000 00cb0001",
    "fe80::1:2,                    fe800000000000000000000000010002",
    "::ffff:192.0.2.3,             00000000000000000000ffffc0000203",
    "::192.0.2.3,                  000000000000000000000000c0000203",
    "1:2:3:4:5:6:192.0.2.3,        000100020003000400050006c0000203",
    "64:ff9b::192.0.2.3,           0064ff9b0000000000000000c0000203",
    "CAFE:BABE::192.168.218.40,    cafebabe00000000000000 00c0a8da28",
  })
  void readsEveryRfc4291TextForm(String text, String hex) {
    assertThat(SpfSyntaxIp.ip6(text)).map(InetAddress::getAddress)
        .contains(HexFormat.of().parseHex(hex.replace(" ", "")));
    assertThat(SpfSyntaxIp.ip6(text)).get().isInstanceOf(Inet6Address.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ":", ":::", "1:::2", "1::2::3", ":1::2", "1::2:", "1:2:3:4:5:6:7",
      "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8", "12345::", "g::",
      "1.2.3.4", "::1.2.3", "::1.2.3.04", "::256.1.1.1", "1.2.3.4::", "::1.2.3.4:5",
      "1:2:3:4:5:6:7:1.2.3.4", "fe80::1%eth0", "[::1]", "::1/64", " ::1", "localhost",
      "\uff10::1"})
  void rejectsOtherIpv6Texts(String text) {
    assertThat(SpfSyntaxIp.ip6(text)).as(text).isEmpty();
  }
}
