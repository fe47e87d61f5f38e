package io.mailsweep.check.spf;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.spf.SpfParser.SpfParse;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpfParserTest {
  @ParameterizedTest
  @ValueSource(strings = {
    "v=spf1",
    "v=spf1 ",
    "V=SpF1 -ALL",
    "v=spf1  a   -all   ",
    "v=spf1 all +all -all ~all ?all",
    "v=spf1 include:_spf.example.com INCLUDE:%{d2}",
    "v=spf1 a a:example.com a/24 a//64 a/0//0 a:example.com/32//128 a:%{d}/24",
    "v=spf1 mx mx:example.com. mx/30 mx//0 mx:foo:bar/baz.example.com",
    "v=spf1 ptr ptr:example.com ptr:%{d}",
    "v=spf1 ip4:0.0.0.0/0 ip4:192.0.2.1 ip4:255.255.255.255/32",
    "v=spf1 ip6:::/0 ip6:2001:db8::/32 ip6:::ffff:192.0.2.1 ip6:1:2:3:4:5:6:7:8/128",
    "v=spf1 exists:%{i}.%{l1r-}.bl.example.com exists:x.y.example",
    "v=spf1 redirect=_spf.example.com exp=explain.%{d}",
    "v=spf1 Redirect=example.com EXP=x.example.com",
    "v=spf1 foo= bar=baz moo.cow-far_out=man:dog/cat x1_-.=%{c}%{r}%{t}%%%_%-",
    "v=spf1 a:xn--bcher-kva.example.xn--zckzah a:1-2.example.3-4",
  })
  void acceptsTheAbnf(String text) {
    assertThat(SpfParser.parse(text)).as(text).isInstanceOf(SpfParse.Valid.class);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    // text | position | term | message
    "v=spf1 foo                    | 7  | foo                 | unknown mechanism 'foo'",
    "v=spf1 -all a/33              | 12 | a/33                | CIDR length 33 over 32 in 'a/33'",
    "v=spf1 a//129                 | 7  | a//129              | CIDR length 129 over 128 in 'a//129'",
    "v=spf1 ip4:1.2.3.4/032        | 7  | ip4:1.2.3.4/032     | CIDR length '/032' has a leading zero in 'ip4:1.2.3.4/032'",
    "v=spf1 ip6:::1/0129           | 7  | ip6:::1/0129        | CIDR length '/0129' has a leading zero in 'ip6:::1/0129'",
    "v=spf1 redirect=a.example redirect=b.example | 26 | redirect=b.example | second redirect= modifier (RFC 7208 §6: at most one) in 'redirect=b.example'",
    "v=spf1 exp=a.example -all exp=b.example | 26 | exp=b.example | second exp= modifier (RFC 7208 §6: at most one) in 'exp=b.example'",
    "v=spf1 a:%{x}.example.com     | 7  | a:%{x}.example.com  | invalid macro '%{x}': unknown macro letter 'x' in 'a:%{x}.example.com'",
    "v=spf1 redirect:example.com   | 7  | redirect:example.com | unknown mechanism 'redirect' (redirect is a modifier: redirect=...) in 'redirect:example.com'",
    "v=spf1 a:111.222.33.44        | 7  | a:111.222.33.44     | '111.222.33.44' is an IPv4 address, not a domain name (use ip4:111.222.33.44) in 'a:111.222.33.44'",
    "v=spf1 include:a.example/24   | 7  | include:a.example/24 | 'a.example/24' does not end in a dot and a valid top-level label, or in a macro (include takes no CIDR length) in 'include:a.example/24'",
    "v=spf1 a/24/64                | 7  | a/24/64             | invalid CIDR length '/24/64' (a dual CIDR length is /ip4-length//ip6-length) in 'a/24/64'",
    "v=spf1 a:x.example/1/2//3     | 7  | a:x.example/1/2//3  | invalid CIDR length '/1/2//3' (a dual CIDR length is /ip4-length//ip6-length) in 'a:x.example/1/2//3'",
    "v=spf1 1up=foo                | 7  | 1up=foo             | invalid modifier name '1up' (a letter, then letters, digits, '-', '_' or '.') in '1up=foo'",
    "v=spf1 =all                   | 7  | =all                | modifier without a name in '=all'",
    "v=spf1 exp=                   | 7  | exp=                | exp= needs a domain-spec: empty domain-spec in 'exp='",
    "v=spf1 ip4:1.2.3              | 7  | ip4:1.2.3           | invalid IPv4 network '1.2.3' in 'ip4:1.2.3'",
    "v=spf1 ip6::CAFE::BABE        | 7  | ip6::CAFE::BABE     | invalid IPv6 network ':CAFE::BABE' in 'ip6::CAFE::BABE'",
    "v=spf1 -all:foo               | 7  | -all:foo            | all takes no argument in '-all:foo'",
    "v=spf1 ptr/0                  | 7  | ptr/0               | ptr takes no CIDR length in 'ptr/0'",
    "v=spf1 exists                 | 7  | exists              | exists needs ':' and a domain-spec in 'exists'",
    "v=spf1 foo=%abc               | 7  | foo=%abc            | invalid macro '%a' ('%' must be followed by '{', '%', '_' or '-') in the value of modifier foo= in 'foo=%abc'",
    "v=spf10 -all                  | 0  | v=spf10             | an SPF record starts with 'v=spf1' and a space",
  })
  void reportsTheFirstErrorWithItsTerm(String text, int position, String term, String message) {
    assertThat(SpfParser.parse(text)).isEqualTo(new SpfParse.Invalid(message, position, term));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "v=spf1\tall",
    "v=spf1 a\t-all",
    "v=spf1 -all\t",
    "v=spf1 a\r\n",
    "v=spf1 all.",
    "v=spf1 -all/8",
    "v=spf1 !all",
    "v=spf1 +",
    "v=spf1 include",
    "v=spf1 include:",
    "v=spf1 a:",
    "v=spf1 mx:",
    "v=spf1 ptr:",
    "v=spf1 exists:",
    "v=spf1 exists:a.example/24",
    "v=spf1 a/",
    "v=spf1 a/x",
    "v=spf1 a/032",
    "v=spf1 a//0128",
    "v=spf1 a/1234",
    "v=spf1 mx/33",
    "v=spf1 mx//129",
    "v=spf1 a:museum",
    "v=spf1 a:museum.",
    "v=spf1 a:example.-com",
    "v=spf1 a:example.com-",
    "v=spf1 a:abc.123",
    "v=spf1 a:abc.123.",
    "v=spf1 a:example.com..",
    "v=spf1 a:example.com:8080",
    "v=spf1 a:%{d}com",
    "v=spf1 ip4",
    "v=spf1 ip4:",
    "v=spf1 ip4:/24",
    "v=spf1 ip4:256.0.0.1",
    "v=spf1 ip4:01.2.3.4",
    "v=spf1 ip4:1.2.3.4.5",
    "v=spf1 ip4:1.2.3.4/33",
    "v=spf1 ip4:1.2.3.4//32",
    "v=spf1 ip4:1.2.3.4/",
    "v=spf1 ip4:1.2.3.4:8080",
    "v=spf1 ip4:example.com",
    "v=spf1 ip6",
    "v=spf1 ip6:1.2.3.4",
    "v=spf1 ip6:::1/129",
    "v=spf1 ip6:::1//64",
    "v=spf1 ip6:localhost",
    "v=spf1 redirect=",
    "v=spf1 redirect=-all",
    "v=spf1 exp=-all",
    "v=spf1 exp=%{r}.example.com",
    "v=spf1 redirect=%{c}.example.com",
    "v=spf1 exists:%{t}.example.com",
    "v=spf1 a:%{d0}.example.com",
    "v=spf1 a:%{d}.%",
    "v=spf1 a:%{d.example.com",
    "v=spf1 a:%{dr2}.example.com",
    "v=spf1 a:%{d2r!}.example.com",
    "v=spf1 a:%(ir).example.com",
    "v=spf1 a:caf\u00e9.example.com",
    "v=spf1 -foo=bar",
    "v=spf1 foo=%{x}",
    "v=spf1 foo=a\u00a0b",
    "v=spf1 mo@o=bar",
  })
  void rejectsWhatTheAbnfDoesNotDerive(String text) {
    assertThat(SpfParser.parse(text)).as(text).isInstanceOf(SpfParse.Invalid.class);
  }

  @Test
  void producesTheModel() throws Exception {
    String text = "v=spf1 -a:%{d}.example.com/24//64 ?MX ~ip4:192.0.2.0/24 +ip6:2001:DB8::/32"
        + " ptr include:_spf.example.com exists:%{i}.bl.example all Redirect=r.example x-y=%{c}";
    SpfRecord record = ((SpfParse.Valid) SpfParser.parse(text)).record();

    assertThat(record.text()).isEqualTo(text);
    assertThat(record.terms()).containsExactly(
        new Mechanism(Qualifier.FAIL, MechanismType.A, "%{d}.example.com", null, 24, 64,
            "-a:%{d}.example.com/24//64"),
        new Mechanism(Qualifier.NEUTRAL, MechanismType.MX, null, null, -1, -1, "?MX"),
        new Mechanism(Qualifier.SOFTFAIL, MechanismType.IP4, null,
            InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 0}), 24, -1,
            "~ip4:192.0.2.0/24"),
        new Mechanism(Qualifier.PASS, MechanismType.IP6, null,
            InetAddress.getByAddress(new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0}), -1, 32, "+ip6:2001:DB8::/32"),
        new Mechanism(Qualifier.PASS, MechanismType.PTR, null, null, -1, -1, "ptr"),
        new Mechanism(Qualifier.PASS, MechanismType.INCLUDE, "_spf.example.com", null, -1, -1,
            "include:_spf.example.com"),
        new Mechanism(Qualifier.PASS, MechanismType.EXISTS, "%{i}.bl.example", null, -1, -1,
            "exists:%{i}.bl.example"),
        new Mechanism(Qualifier.PASS, MechanismType.ALL, null, null, -1, -1, "all"),
        new Modifier("redirect", "r.example", "Redirect=r.example"),
        new Modifier("x-y", "%{c}", "x-y=%{c}"));
    assertThat(record.redirect()).contains("r.example");
    assertThat(record.exp()).isEmpty();
  }

  @Test
  void keepsAnIpv4MappedIp6NetworkAnIpv6Network() {
    SpfRecord record = ((SpfParse.Valid) SpfParser.parse("v=spf1 ip6:::FFFF:1.2.3.4/96 ip4:1.2.3.4"))
        .record();
    List<Mechanism> mechanisms = record.mechanisms();
    assertThat(mechanisms.get(0).network()).isInstanceOf(Inet6Address.class);
    assertThat(mechanisms.get(0).network().getAddress())
        .containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 1, 2, 3, 4);
    assertThat(mechanisms.get(1).network()).isInstanceOf(Inet4Address.class);
  }

  @Test
  void showsControlCharactersInMessagesAsCodePoints() {
    SpfParse parse = SpfParser.parse("v=spf1 a:ctrl.example.com\rptr -all");
    assertThat(parse).isEqualTo(new SpfParse.Invalid(
        "invalid character U+000D in 'a:ctrl.example.com<U+000D>ptr'", 7,
        "a:ctrl.example.com\rptr"));
  }
}
