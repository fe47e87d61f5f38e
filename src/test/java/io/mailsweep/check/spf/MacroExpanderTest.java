package io.mailsweep.check.spf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Addresses here are documentation values for string expansion; nothing connects to them. */
class MacroExpanderTest {
  private static final MacroExpander EXPANDER = new MacroExpander();
  private static final long T = 1_700_000_000L;

  /** Only literals, read by the parser's own validator: no resolver is involved. */
  private static InetAddress ip(String literal) {
    return SpfSyntaxIp.ip4(literal).or(() -> SpfSyntaxIp.ip6(literal)).orElseThrow();
  }

  private static MacroContext rfcExample(String ip) {
    return MacroContext.of(ip(ip), "strong-bad@email.example.com", "mx.example.org", null, T);
  }

  @ParameterizedTest
  @CsvSource({
    // RFC 7208 §7.4, sender strong-bad@email.example.com, client 192.0.2.3
    "%{s},                             strong-bad@email.example.com",
    "%{o},                             email.example.com",
    "%{d},                             email.example.com",
    "%{d4},                            email.example.com",
    "%{d3},                            email.example.com",
    "%{d2},                            example.com",
    "%{d1},                            com",
    "%{dr},                            com.example.email",
    "%{d2r},                           example.email",
    "%{l},                             strong-bad",
    "%{l-},                            strong.bad",
    "%{lr},                            strong-bad",
    "%{lr-},                           bad.strong",
    "%{l1r-},                          strong",
    "%{ir}.%{v}._spf.%{d2},            3.2.0.192.in-addr._spf.example.com",
    "%{lr-}.lp._spf.%{d2},             bad.strong.lp._spf.example.com",
    "%{lr-}.lp.%{ir}.%{v}._spf.%{d2},  bad.strong.lp.3.2.0.192.in-addr._spf.example.com",
    "%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}, 3.2.0.192.in-addr.strong.lp._spf.example.com",
    "%{d2}.trusted-domains.example.net, example.com.trusted-domains.example.net",
  })
  void expandsTheRfcExamplesForIpv4(String macro, String expected) {
    assertThat(EXPANDER.expandDomain(macro, rfcExample("192.0.2.3"))).isEqualTo(expected);
  }

  @Test
  void expandsTheRfcExampleForIpv6() {
    // §7.4 prints the nibbles in lower case; the expander writes them in upper case (see below).
    assertThat(EXPANDER.expandDomain("%{ir}.%{v}._spf.%{d2}", rfcExample("2001:db8::cb01")))
        .isEqualToIgnoringCase("1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2"
            + ".ip6._spf.example.com");
  }

  @Test
  void writesIpv6AsThirtyTwoUpperCaseNibbles() {
    // The suite's v-macro-ip6 expects upper-case nibbles in the explanation, while RFC 7208 §7.4
    // prints lower case; §7.3 does not fix the case and DNS ignores it, so the suite wins.
    MacroContext ctx = MacroContext.of(ip("CAFE:BABE::1"), "test@e4.example.com", "h", null, T);
    assertThat(EXPANDER.expandExplanation("%{c} is queried as %{ir}.%{v}.arpa", ctx))
        .isEqualTo("cafe:babe::1 is queried as 1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0"
            + ".E.B.A.B.E.F.A.C.ip6.arpa");
    assertThat(EXPANDER.expandDomain("%{i}", ctx)).hasSize(63);
  }

  @ParameterizedTest
  @CsvSource({
    "2001:db8::cb01,          2001:db8::cb01",
    "2001:0DB8:0:0:0:0:0:1,   2001:db8::1",
    "2001:db8:0:1:1:1:1:1,    2001:db8:0:1:1:1:1:1",
    "2001:0:0:1:0:0:0:1,      2001:0:0:1::1",
    "2001:db8:0:0:1:0:0:1,    2001:db8::1:0:0:1",
    "::,                      ::",
    "::1,                     ::1",
    "1::,                     1::",
    "fe80::abcd:0:0:1,        fe80::abcd:0:0:1",
    "::ffff:192.0.2.3,        192.0.2.3",
    "192.0.2.3,               192.0.2.3",
  })
  void writesTheClientAddressForCInRfc5952Form(String address, String expected) {
    MacroContext ctx = MacroContext.of(ip(address), "a@b.example", "h", null, T);
    assertThat(EXPANDER.expandExplanation("%{c}", ctx)).isEqualTo(expected);
  }

  @Test
  void treatsIpv4MappedAddressesAsIpv4() {
    InetAddress mapped = ip("::ffff:192.0.2.3");
    assertThat(mapped).isInstanceOf(Inet6Address.class);
    MacroContext ctx = MacroContext.of(mapped, "a@b.example", "h", null, T);
    assertThat(EXPANDER.expandDomain("%{i}.%{ir}.%{v}", ctx))
        .isEqualTo("192.0.2.3.3.2.0.192.in-addr");
    MacroContext compatible = MacroContext.of(ip("::192.0.2.3"), "a@b.example", "h", null, T);
    assertThat(EXPANDER.expandDomain("%{v}", compatible)).isEqualTo("ip6");
  }

  @Test
  void urlEncodesUpperCaseMacrosPerRfc3986() {
    // The suite's upper-macro case.
    MacroContext ctx = MacroContext.of(ip("192.0.2.3"), "~jack&jill=up-a_b3.c@e8.example.com",
        "h", null, T);
    assertThat(EXPANDER.expandExplanation("http://example.com/why.html?l=%{L}", ctx))
        .isEqualTo("http://example.com/why.html?l=~jack%26jill%3Dup-a_b3.c");
    assertThat(EXPANDER.expandDomain("%{S}", ctx))
        .isEqualTo("~jack%26jill%3Dup-a_b3.c%40e8.example.com");
    assertThat(EXPANDER.expandDomain("%{D2R}", ctx)).isEqualTo("example.e8");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "AZaz09-._~ | AZaz09-._~",
    "a b        | a%20b",
    "100%       | 100%25",
    "x/y?z#w    | x%2Fy%3Fz%23w",
    "caf\u00e9  | caf%C3%A9",
    "\u20ac     | %E2%82%AC",
  })
  void urlEncodesUtf8Bytes(String value, String encoded) {
    assertThat(MacroExpander.urlEncode(value)).isEqualTo(encoded);
  }

  @Test
  void truncatesLongNamesFromTheLeftTo253() {
    // The suite's domain-name-truncation: 258 characters lose "foobar.".
    MacroContext ctx = MacroContext.of(ip("192.168.218.40"),
        "test@somewhat.long.exp.example.com", "h", null, T);
    String o = "somewhat.long.exp.example.com";
    String expanded = EXPANDER.expandDomain(
        "foobar.%{o}.%{o}.%{o}.%{o}.%{o}.%{o}.%{o}.%{o}.example.com", ctx);
    assertThat(expanded).isEqualTo((o + ".").repeat(8) + "example.com").hasSize(251);
  }

  @Test
  void keeps253CharactersAndDropsATrailingDotFirst() {
    String label = "a".repeat(63);
    String exact = String.join(".", label, label, label, "b".repeat(61));
    assertThat(exact).hasSize(253);
    MacroContext ctx = MacroContext.of(ip("192.0.2.3"), "a@" + exact, "h", null, T);
    assertThat(EXPANDER.expandDomain("%{o}.", ctx)).isEqualTo(exact);
    assertThat(EXPANDER.expandDomain("b.%{o}", ctx)).isEqualTo(exact);
    String tooLong = "x".repeat(300);
    MacroContext single = MacroContext.of(ip("192.0.2.3"), "a@" + tooLong, "h", null, T);
    assertThat(EXPANDER.expandDomain("%{o}", single)).isEqualTo(tooLong);
  }

  @Test
  void keepsTheTrailingDotOfExplanations() {
    MacroContext ctx = rfcExample("192.0.2.3");
    assertThat(EXPANDER.expandExplanation("This is a test.", ctx)).isEqualTo("This is a test.");
    assertThat(EXPANDER.expandDomain("msg.example.com.", ctx)).isEqualTo("msg.example.com");
  }

  @Test
  void expandsEscapesAndSplitsOnAnyDelimiter() {
    // The suite's macro-mania-in-domain, macro-reverse-split-on-dash, macro-multiple-delimiters.
    MacroContext ctx = MacroContext.of(ip("1.2.3.4"), "philip-gladstone-test@e11.example.com",
        "mail.example.com", null, T);
    assertThat(EXPANDER.expandDomain("macro%%percent%_%_space%-url-space.example.com", ctx))
        .isEqualTo("macro%percent  space%20url-space.example.com");
    assertThat(EXPANDER.expandDomain("%{i}.%{l2r-}.user.%{d2}", ctx))
        .isEqualTo("1.2.3.4.gladstone.philip.user.example.com");
    MacroContext plus = MacroContext.of(ip("1.2.3.4"), "foo-bar+zip+quux@e12.example.com",
        "mail.example.com", null, T);
    assertThat(EXPANDER.expandDomain("%{l2r+-}.user.%{d2}", plus))
        .isEqualTo("bar.foo.user.example.com");
    assertThat(EXPANDER.expandDomain("%{d99}.x", plus)).isEqualTo("e12.example.com.x");
  }

  @Test
  void fillsTheOtherLetters() {
    MacroContext ctx = MacroContext.of(ip("192.0.2.3"), "user@example.com", "helo.example.org",
        null, T);
    assertThat(EXPANDER.expandExplanation("%{h} %{r} %{t} %{p}", ctx))
        .isEqualTo("helo.example.org unknown 1700000000 unknown");
    MacroContext later = ctx.withValidatedDomain("mx.example.com").withCurrentDomain("inc.example");
    assertThat(EXPANDER.expandExplanation("%{p} %{d} %{o}", later))
        .isEqualTo("mx.example.com inc.example example.com");
    MacroContext receiver = MacroContext.of(ip("192.0.2.3"), "user@example.com", "h",
        "mx.receiver.example", T);
    assertThat(EXPANDER.expandExplanation("%{r}", receiver)).isEqualTo("mx.receiver.example");
  }

  @Test
  void defaultsTheSender() {
    // The suite's nolocalpart; RFC 7208 §2.4 for the null reverse-path.
    MacroContext noLocal = MacroContext.of(ip("1.2.3.4"), "@example.net", "h", null, T);
    assertThat(noLocal.sender()).isEqualTo("postmaster@example.net");
    assertThat(noLocal.senderLocalPart()).isEqualTo("postmaster");
    MacroContext nullPath = MacroContext.of(ip("1.2.3.4"), "", "mail.example.net", null, T);
    assertThat(nullPath.sender()).isEqualTo("postmaster@mail.example.net");
    assertThat(nullPath.senderDomain()).isEqualTo("mail.example.net");
    assertThat(nullPath.currentDomain()).isEqualTo("mail.example.net");
    MacroContext request = MacroContext.of(
        new SpfRequest(ip("1.2.3.4"), "a@b.example", "h.example", "r.example"), T);
    assertThat(request.currentDomain()).isEqualTo("b.example");
    assertThat(request.receiver()).isEqualTo("r.example");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "%{p}.should.example.com | true",
    "connect from %{P2r}     | true",
    "x.%{d}.%{ir}            | false",
    "%%{p}                   | false",
    "%{x}%{p}                | false",
  })
  void tellsWhetherTheValidatedDomainIsNeeded(String macroString, boolean uses) {
    assertThat(MacroExpander.usesValidatedDomain(macroString)).isEqualTo(uses);
  }

  @Test
  void refusesTextThatIsNotAMacroString() {
    MacroContext ctx = rfcExample("192.0.2.3");
    assertThatThrownBy(() -> EXPANDER.expandDomain("%{r}.example.com", ctx))
        .isInstanceOf(IllegalArgumentException.class);
    // The suite's explanation-syntax-error: the caller checks and ignores such an exp.
    assertThat(MacroParser.isValid("The %{x}-files.", MacroScope.EXPLANATION)).isFalse();
    assertThatThrownBy(() -> EXPANDER.expandExplanation("The %{x}-files.", ctx))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
