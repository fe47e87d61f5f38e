package io.mailsweep.check.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.domain.DomainName;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The policy file grammar of RFC 8461 §3.2 and the mx matching of §4.1, table-driven. */
class MtaStsPolicyParserTest {
  static final String ENFORCE =
      "version: STSv1\nmode: enforce\nmx: mail.example.com\nmx: *.example.net\nmax_age: 604800\n";

  static MtaStsPolicy valid(String body) {
    MtaStsPolicyParser.Parsed parsed = MtaStsPolicyParser.parse(body);
    assertThat(parsed).as(body).isInstanceOf(MtaStsPolicyParser.Parsed.Valid.class);
    return ((MtaStsPolicyParser.Parsed.Valid) parsed).policy();
  }

  static List<String> problems(String body) {
    MtaStsPolicyParser.Parsed parsed = MtaStsPolicyParser.parse(body);
    assertThat(parsed).as(body).isInstanceOf(MtaStsPolicyParser.Parsed.Invalid.class);
    return ((MtaStsPolicyParser.Parsed.Invalid) parsed).problems();
  }

  @Test
  void readsAnEnforcedPolicy() {
    MtaStsPolicy p = valid(ENFORCE);
    assertThat(p.mode()).isEqualTo(MtaStsPolicy.Mode.ENFORCE);
    assertThat(p.maxAge()).isEqualTo(604800);
    assertThat(p.mx()).extracting(MxPattern::text).containsExactly("mail.example.com", "*.example.net");
    assertThat(p.extensions()).isEmpty();
  }

  static Stream<Arguments> validBodies() {
    return Stream.of(
        Arguments.of("CRLF, no final newline",
            "version: STSv1\r\nmode: testing\r\nmx: mx.example.com\r\nmax_age: 86400",
            MtaStsPolicy.Mode.TESTING, 86400L, 1),
        Arguments.of("fields in any order, blank lines and trailing spaces",
            "max_age: 0\n\nmx:mx.example.com  \nmode:\tenforce\nversion: STSv1\n\n", MtaStsPolicy.Mode.ENFORCE, 0L, 1),
        Arguments.of("mode none without mx", "version: STSv1\nmode: none\nmax_age: 31557600\n", MtaStsPolicy.Mode.NONE,
            31557600L, 0),
        Arguments.of("unknown fields ignored", ENFORCE + "x-comment: anything = goes; here\nfoo.bar: 1\n",
            MtaStsPolicy.Mode.ENFORCE, 604800L, 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validBodies")
  void readsValidBodies(String name, String body, MtaStsPolicy.Mode mode, long maxAge, int mxCount) {
    MtaStsPolicy p = valid(body);
    assertThat(p.mode()).isEqualTo(mode);
    assertThat(p.maxAge()).isEqualTo(maxAge);
    assertThat(p.mx()).hasSize(mxCount);
  }

  static Stream<Arguments> invalidBodies() {
    String head = "version: STSv1\nmode: enforce\n";
    String tail = "max_age: 1\nmx: a.example.com";
    return Stream.of(
        Arguments.of(head + "max_age: 99999999\nmx: a.example.com",
            "line 3: max_age 99999999 above 31557600"),
        Arguments.of(head + "max_age: 1d\nmx: a.example.com",
            "line 3: max_age '1d' is not a number of seconds (1 to 10 digits)"),
        Arguments.of(head + "max_age: 12345678901\nmx: a.example.com",
            "line 3: max_age '12345678901' is not a number of seconds (1 to 10 digits)"),
        Arguments.of(head + "max_age: -1\nmx: a.example.com",
            "line 3: max_age '-1' is not a number of seconds (1 to 10 digits)"),
        Arguments.of("version: STSv2\nmode: enforce\n" + tail,
            "line 1: version 'STSv2' is not STSv1"),
        Arguments.of("version: STSv1\nmode: Enforce\n" + tail,
            "line 2: mode 'Enforce' is not enforce, testing or none"),
        Arguments.of("version: STSv1\nMode: enforce\n" + tail,
            "line 2: field name 'Mode' must be written 'mode'"),
        Arguments.of(head + "mode: testing\n" + tail,
            "line 3: mode appears again (first on line 2)"),
        Arguments.of(head + "max_age: 1\nmx: *.*.example.com",
            "line 4: mx '*.*.example.com' has a wildcard other than one leading \"*.\""),
        Arguments.of(head + "max_age: 1\nmx: mail.example.com.",
            "line 4: mx 'mail.example.com.' ends with a dot, which the grammar does not allow"),
        Arguments.of(head + "max_age: 1\nmx: mail_1.example.com",
            "line 4: mx 'mail_1.example.com' has the label 'mail_1', which is not letters, digits and inner"
                + " hyphens of at most 63 characters"),
        Arguments.of(head + "max_age: 1\nmx: *.",
            "line 4: mx '*.' is empty"),
        Arguments.of(head + tail + "\nthis is not a field",
            "line 5: 'this is not a field' is not a \"key: value\" field"),
        Arguments.of(head + "max_age: 1\nmx : a.example.com",
            "line 4: 'mx : a.example.com' is not a \"key: value\" field"),
        Arguments.of("\uFEFF" + head + tail,
            "line 1: the policy starts with a byte order mark (U+FEFF), which the grammar does not allow"),
        Arguments.of(head + "max_age: 1\n",
            "no mx field: the policy must list the MX host patterns unless its mode is none"),
        Arguments.of("mode: enforce\n" + tail,
            "no version field: the policy must have one (version: STSv1)"),
        Arguments.of("<html><body>Welcome to nginx!</body></html>",
            "line 1: '<html><body>Welcome to nginx!</body></html>' is not a \"key: value\" field"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("invalidBodies")
  void positionsProblemsByLine(String body, String problem) {
    assertThat(problems(body).get(0)).isEqualTo(problem);
  }

  @Test
  void aMissingModeAndMaxAgeAreBothNamed() {
    assertThat(problems("version: STSv1\nmx: a.example.com\n")).containsExactly(
        "no mode field: the policy must have one (mode: enforce, testing or none)",
        "no max_age field: the policy must have one (max_age: seconds)");
  }

  @Test
  void problemsAreBounded() {
    String body = "junk\n".repeat(1000);
    assertThat(problems(body)).hasSizeLessThanOrEqualTo(MtaStsPolicyParser.MAX_PROBLEMS + 4);
  }

  static Stream<Arguments> matching() {
    return Stream.of(
        Arguments.of("mail.example.com", "mail.example.com", true),
        Arguments.of("Mail.Example.COM", "mail.example.com", true),
        Arguments.of("mail.example.com", "mx.example.com", false),
        Arguments.of("*.example.com", "mail.example.com", true),
        Arguments.of("*.example.com", "example.com", false),
        Arguments.of("*.example.com", "a.b.example.com", false),
        Arguments.of("*.example.com", "mail.example.org", false),
        Arguments.of("*.example.com", "mailexample.com", false));
  }

  @ParameterizedTest(name = "{0} vs {1}: {2}")
  @MethodSource("matching")
  void mxPatternsMatchAsSection41Says(String pattern, String host, boolean matches) {
    assertThat(MxPattern.problem(pattern)).isNull();
    assertThat(MxPattern.parse(pattern.toLowerCase()).matches(DomainName.of(host))).isEqualTo(matches);
  }

  @Test
  void aPolicyLooksLikeOneByItsVersionLine() {
    assertThat(MtaStsPolicyParser.looksLikePolicy(ENFORCE)).isTrue();
    assertThat(MtaStsPolicyParser.looksLikePolicy("mode: enforce\r\nversion:STSv1\r\n")).isTrue();
    assertThat(MtaStsPolicyParser.looksLikePolicy("<html>version: STSv1</html>")).isFalse();
  }
}
