package io.mailsweep.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsweep.check.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Profile files: a good one read completely, and every kind of bad one refused in one line that says where. */
class ProfileReaderTest {
  @TempDir Path dir;

  private static final String RULE = """
        - id: r1
          title: T
          rationale: R
          remediation: M
          reference: RFC 7489 §6.3
          pass-if: {check: dmarc, attribute: policy, equals: reject}
      """;

  private Path write(String text) throws Exception {
    Path file = dir.resolve("custom.yml");
    Files.writeString(file, text);
    return file;
  }

  private static String profile(String rules) {
    return "name: custom\ntitle: Custom\nrules:\n" + rules;
  }

  @Test
  void aGoodFileIsReadCompletely() throws Exception {
    Path file = write("""
        # a comment
        name: vendor-policy.v2
        title: Our vendor policy
        description: >-
          Two rules.
        reference: https://policy.example/mail
        rules:
          - id: starttls
            title: STARTTLS everywhere
            rationale: Mail in clear text can be read.
            remediation: Enable STARTTLS.
            reference: RFC 3207 §4
            weight: 3
            applies-if: {not: {check: starttls, status: not_applicable}}
            pass-if: {check: starttls, attribute: STARTTLS on MX, equals: yes}
          - id: dkim
            title: DKIM
            rationale: r
            remediation: m
            reference: RFC 6376
            otherwise: warn
            inconclusive-if: {check: dkim, attribute: absence, equals: unproven}
            pass-if:
              all:
                - {check: dkim, attribute: usable-keys, at-least: 1}
                - any:
                    - {check: dkim, attribute: min-rsa-bits, at-least: 2048.0}
                    - {check: dkim, attribute: min-rsa-bits, present: false}
                - {check: dkim, lacks-finding: [dkim_key_sha1_only, DKIM_KEY_TESTING]}
            warn-if: {check: dkim, has-finding: DKIM_KEY_SHORT}
        """);
    Profile p = ProfileCatalog.load(file.toString());
    assertThat(p.name()).isEqualTo("vendor-policy.v2");
    assertThat(p.title()).isEqualTo("Our vendor policy");
    assertThat(p.description()).isEqualTo("Two rules.");
    assertThat(p.reference()).isEqualTo("https://policy.example/mail");
    assertThat(p.source()).isEqualTo(file.toString());
    assertThat(p.rules()).extracting(Rule::id).containsExactly("starttls", "dkim");
    Rule starttls = p.rules().get(0);
    assertThat(starttls.weight()).isEqualTo(3);
    assertThat(starttls.otherwise()).isEqualTo(Status.FAIL);
    assertThat(starttls.passIf().describe()).isEqualTo("starttls STARTTLS on MX is yes");
    assertThat(starttls.appliesIf().describe()).isEqualTo("not (starttls status is NOT_APPLICABLE)");
    Rule dkim = p.rules().get(1);
    assertThat(dkim.weight()).isEqualTo(1);
    assertThat(dkim.otherwise()).isEqualTo(Status.WARN);
    assertThat(dkim.checks()).containsExactly("dkim");
    assertThat(dkim.passIf().describe()).isEqualTo("all of (dkim usable-keys is at least 1; any of (dkim min-rsa-bits"
        + " is at least 2048.0 | dkim min-rsa-bits is absent); dkim has none of DKIM_KEY_SHA1_ONLY, DKIM_KEY_TESTING)");
    assertThat(dkim.warnIf().describe()).isEqualTo("dkim has finding DKIM_KEY_SHORT");
    assertThat(p.evaluate(Facts.perfect().build()).compliance()).isEqualTo(Compliance.COMPLIANT);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      not YAML                | name: [unclosed\\n                                  | not valid YAML
      a list, not a mapping   | - a\\n- b\\n                                        | a profile must be a mapping of key: value, not a list
      unknown top-level key   | name: c\\ntitle: C\\nrulez: []\\n                   | unknown key 'rulez'; known keys: description, name, reference, rules, title
      no name                 | title: C\\nrules: []\\n                             | 'name' is required
      bad name                | name: My Profile\\ntitle: C\\nrules: []\\n          | name: 'My Profile' must be lower-case letters
      no rules                | name: c\\ntitle: C\\n                               | rules: must be a list of 1 to 200 rules, not nothing
      empty rules             | name: c\\ntitle: C\\nrules: []\\n                   | rules: must be a list of 1 to 200 rules
      duplicate YAML key      | name: c\\nname: d\\ntitle: C\\nrules: []\\n         | not valid YAML: found duplicate key name
      a Java object tag       | name: !!javax.script.ScriptEngineManager [x]\\n     | not valid YAML
      alias bomb              | a: &a [x,x,x,x,x,x,x,x]\\nb: &b [*a,*a,*a,*a,*a,*a]\\nc: &c [*b,*b,*b,*b,*b,*b]\\n | not valid YAML: Number of aliases for non-scalar nodes exceeds the specified max=10
      """)
  void badProfilesAreRefusedInOneLine(String kind, String yaml, String message) throws Exception {
    Path file = write(yaml.replace("\\n", "\n"));
    assertThatThrownBy(() -> ProfileCatalog.load(file.toString()))
        .isInstanceOf(ProfileException.class)
        .hasMessageStartingWith(file + ": ")
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      rule not a mapping       | - just text                                                         | rules[0]: a rule must be a mapping
      rule without id          | - {title: T}                                                        | rules[0]: 'id' is required
      bad rule id              | - {id: R 1}                                                         | rules[0].id: 'R 1' must be lower-case
      unknown rule key         | - {id: r, pass_if: x}                                               | rule 'r': unknown key 'pass_if'; known keys: applies-if,
      rule without rationale   | - {id: r, title: T, remediation: M, reference: X, pass-if: {check: spf, status: PASS}} | rule 'r': 'rationale' is required
      empty title              | - {id: r, title: '', rationale: R, remediation: M, reference: X, pass-if: {check: spf, status: PASS}} | rule 'r': title: must not be empty
      no pass-if               | - {id: r, title: T, rationale: R, remediation: M, reference: X}      | rule 'r': 'pass-if' is required
      """)
  void badRulesNameTheRule(String kind, String rule, String message) throws Exception {
    Path file = write(profile("  " + rule + "\n"));
    assertThatThrownBy(() -> ProfileCatalog.load(file)).isInstanceOf(ProfileException.class)
        .hasMessageStartingWith(file + ": " + message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      unknown check            | {check: spff, status: PASS}                                   | pass-if.check: unknown check 'spff'; known checks: spf, dmarc, dkim, bimi, mx, starttls, mtasts, dane, tlsrpt
      unknown attribute        | {check: dmarc, attribute: px, equals: reject}                 | pass-if.attribute: check 'dmarc' has no attribute 'px'; its attributes: p, sp, np, policy, pct, t, adkim, aspf, rua, ruf, owner
      attribute of a bare check| {check: tlsrpt, attribute: rua, present: true}                | pass-if.attribute: check 'tlsrpt' has no attribute 'rua'; its attributes: none
      unknown finding code     | {check: dmarc, has-finding: DMARC_MISING}                     | pass-if.has-finding: unknown finding code 'DMARC_MISING'
      INCONCLUSIVE status      | {check: spf, status: INCONCLUSIVE}                            | pass-if.status: 'INCONCLUSIVE' is not a status a test can see
      bogus status             | {check: spf, status: [PASS, GREEN]}                           | pass-if.status: 'GREEN' is not a status a test can see
      no test                  | {check: spf}                                                  | pass-if: a test of check 'spf' needs exactly one of status, has-finding, lacks-finding, attribute; found none
      two tests                | {check: spf, status: PASS, has-finding: SPF_MISSING}           | pass-if: a test of check 'spf' needs exactly one of status, has-finding, lacks-finding, attribute; found status, has-finding
      stray key beside status  | {check: spf, status: PASS, equals: x}                          | pass-if: 'equals' does not go with 'status'
      unknown test key         | {check: spf, statuz: PASS}                                    | pass-if: unknown key 'statuz'
      no comparison            | {check: dmarc, attribute: p}                                  | pass-if: attribute 'p' needs exactly one of equals, includes, excludes, at-least, at-most, present; found none
      two comparisons          | {check: dmarc, attribute: pct, at-least: 1, at-most: 2}       | pass-if: attribute 'pct' needs exactly one of equals, includes, excludes, at-least, at-most, present; found at-least, at-most
      not a number             | {check: dmarc, attribute: pct, at-least: lots}                | pass-if.at-least: must be one number, not 'lots'
      two numbers              | {check: dmarc, attribute: pct, at-least: [1, 2]}              | pass-if.at-least: must be one number, not a list
      present not boolean      | {check: dmarc, attribute: rua, present: yes}                  | pass-if.present: must be true or false
      no values                | {check: dmarc, attribute: p, equals: []}                      | pass-if.equals: needs 1 to 50 values
      empty value              | {check: dmarc, attribute: p, equals: }                        | pass-if.equals: needs 1 to 50 values
      a mapping as value       | {check: dmarc, attribute: p, equals: [{a: b}]}                | pass-if.equals: values must be text or numbers, not a mapping
      empty all                | {all: []}                                                     | pass-if.all: must be a list of 1 to 50 conditions
      any not a list           | {any: {check: spf, status: PASS}}                             | pass-if.any: must be a list of 1 to 50 conditions
      all with a sibling       | {all: [{check: spf, status: PASS}], check: spf}               | pass-if: 'all' must stand alone in its mapping; found keys all, check
      condition not a mapping  | [{check: spf, status: PASS}]                                  | pass-if: a condition must be a mapping of key: value, not a list
      deep in a list           | {all: [{check: spf, status: PASS}, {not: {check: spf, status: MAYBE}}]} | pass-if.all[1].not.status: 'MAYBE' is not a status a test can see
      too deep                 | {not: {not: {not: {not: {not: {not: {not: {not: {check: spf, status: PASS}}}}}}}}} | pass-if.not.not.not.not.not.not.not.not: conditions nest deeper than 8 levels
      """)
  void badConditionsNameTheRuleAndThePath(String kind, String condition, String message) throws Exception {
    Path file = write(profile(RULE.replace("{check: dmarc, attribute: policy, equals: reject}", condition)));
    assertThatThrownBy(() -> ProfileCatalog.load(file)).isInstanceOf(ProfileException.class)
        .hasMessageStartingWith(file + ": rule 'r1': " + message);
  }

  @Test
  void otherRuleFieldsAreChecked() throws Exception {
    Path weight = write(profile(RULE + "    weight: 0\n"));
    assertThatThrownBy(() -> ProfileCatalog.load(weight))
        .hasMessage(weight + ": rule 'r1': weight: must be a whole number from 1 to 100, not 0");
    Path otherwise = write(profile(RULE + "    otherwise: PASS\n"));
    assertThatThrownBy(() -> ProfileCatalog.load(otherwise))
        .hasMessage(otherwise + ": rule 'r1': otherwise: must be FAIL or WARN, not 'PASS'");
    Path twice = write(profile(RULE + RULE));
    assertThatThrownBy(() -> ProfileCatalog.load(twice))
        .hasMessage(twice + ": rule 'r1': the id is used by another rule of the profile");
  }

  @Test
  void filesThatCannotBeReadAreRefused() throws Exception {
    assertThatThrownBy(() -> ProfileCatalog.load(dir.resolve("absent.yml").toString()))
        .isInstanceOf(ProfileException.class)
        .hasMessage("no profile '" + dir.resolve("absent.yml")
            + "': not a shipped profile (baseline, bod-18-01, bulk-sender-2024, strict) nor a file");
    Path binary = dir.resolve("binary.yml");
    Files.write(binary, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xC3, (byte) 0x28});
    assertThatThrownBy(() -> ProfileCatalog.load(binary)).isInstanceOf(ProfileException.class)
        .hasMessageStartingWith(binary + ": ");
    Path huge = dir.resolve("huge.yml");
    Files.writeString(huge, "# " + "x".repeat(Yaml12.MAX_CHARS) + "\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ProfileCatalog.load(huge)).hasMessage(huge + ": larger than 262144 bytes");
  }
}
