package io.mailsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mailsweep profiles} and {@code mailsweep explain} run in-process: their output and exit codes. */
class ExplainCommandsTest {
  @TempDir Path dir;

  /** What one command line printed, and its exit code. */
  private record Run(int code, String out, String err) {}

  private static synchronized Run run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void profilesListsTheShippedProfiles() {
    Run r = run("profiles");
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
    assertThat(r.err()).isEmpty();
    assertThat(r.out().lines().limit(5).toList()).containsExactly(
        "NAME                 RULES  TITLE",
        "baseline                 3  Baseline e-mail authentication and transport hygiene",
        "bod-18-01                5  CISA Binding Operational Directive 18-01 (e-mail security)",
        "bulk-sender-2024         4  Gmail and Yahoo bulk sender requirements (February 2024)",
        "strict                   8  Strict (DMARC reject, DKIM 2048, MTA-STS enforce, TLS 1.2+, valid certificates)");
  }

  @Test
  void profilesNameShowsEveryRuleWithItsLogic() {
    Run r = run("profiles", "bod-18-01");
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).startsWith("bod-18-01: CISA Binding Operational Directive 18-01 (e-mail security)\n"
        + "reference:       https://cyber.dhs.gov/bod/18-01/\n")
        .contains("5 rules:", "  spf-valid: Valid SPF record\n", "  dmarc-rua-cisa: ",
            "    pass if:         dmarc rua includes mailto:reports@dmarc.cyber.dhs.gov\n",
            "    inconclusive if: not (starttls weak-ciphers-tested is yes)\n");
    assertThat(r.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(Wrap.WIDTH));
  }

  @Test
  void aProfileFileIsCheckedWhenShown() throws Exception {
    Path good = dir.resolve("ours.yml");
    Files.writeString(good, """
        name: ours
        title: Ours
        rules:
          - {id: tls-rpt, title: TLS-RPT, rationale: r, remediation: m, reference: RFC 8460 §3,
             pass-if: {check: tlsrpt, status: PASS}}
        """);
    Run shown = run("profiles", good.toString());
    assertThat(shown.code()).isEqualTo(ExitCodes.OK);
    assertThat(shown.out()).startsWith("ours: Ours\n").contains("1 rule:", "  tls-rpt: TLS-RPT");
    Path bad = dir.resolve("bad.yml");
    Files.writeString(bad, "name: bad\ntitle: Bad\nrules:\n  - {id: x, title: X, rationale: r, remediation: m,"
        + " reference: y, pass-if: {check: tlsrpt, status: GREEN}}\n");
    Run refused = run("profiles", bad.toString());
    assertThat(refused.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.out()).isEmpty();
    assertThat(refused.err()).isEqualTo("mailsweep: " + bad + ": rule 'x': pass-if.status: 'GREEN' is not a status"
        + " a test can see; use PASS, WARN, FAIL or NOT_APPLICABLE (a rule whose check is INCONCLUSIVE is"
        + " INCONCLUSIVE before any test)\n");
    Run explained = run("explain", good + "/tls-rpt");
    assertThat(explained.code()).isEqualTo(ExitCodes.OK);
    assertThat(explained.out()).startsWith("ours/tls-rpt: TLS-RPT\n");
  }

  @Test
  void anUnknownProfileIsAUsageError() {
    Run r = run("profiles", "bod18");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).isEqualTo("mailsweep: no profile 'bod18': not a shipped profile (baseline, bod-18-01,"
        + " bulk-sender-2024, strict) nor a file\n");
  }

  @Test
  void explainAFindingCode() {
    Run r = run("explain", "tls_weak_cipher");
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).startsWith("TLS_WEAK_CIPHER (finding)\nseverity:        MEDIUM\nremediation:     ")
        .endsWith("reference:       RFC 7465 §2, RFC 7525 §4.1\n");
  }

  @Test
  void explainAProfileRule() {
    Run r = run("explain", "bod-18-01/dmarc-reject");
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).startsWith("bod-18-01/dmarc-reject: DMARC policy reject for all mail (pct=100)\n"
        + "profile:         bod-18-01: CISA Binding Operational Directive 18-01 (e-mail security)\n"
        + "rationale:       Within one year BOD 18-01 requires")
        .contains("\nremediation:     Set p=reject", "\nreference:       BOD 18-01, Required Actions",
            "\npass if:         all of (dmarc policy is reject; dmarc pct is at least 100)\n",
            "\notherwise:       FAIL; weight 1\n");
  }

  @Test
  void anUnknownCodeSuggestsCloseMatchesInOneLine() {
    Run typo = run("explain", "DMARC_MISING");
    assertThat(typo.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(typo.out()).isEmpty();
    assertThat(typo.err()).isEqualTo("mailsweep: unknown finding code or profile rule 'DMARC_MISING';"
        + " did you mean DMARC_MISSING?\n");
    Run rule = run("explain", "strict/dkim2048");
    assertThat(rule.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(rule.err()).startsWith("mailsweep: profile strict has no rule 'dkim2048'; did you mean dkim-2048?"
        + " (its rules: spf-fail-all, ");
    Run profileRule = run("explain", "bod-18-01/dmarc-rejct");
    assertThat(profileRule.err()).contains("did you mean dmarc-reject?");
    Run nothing = run("explain", "QWERTY_ASDF_ZXCV");
    assertThat(nothing.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(nothing.err()).isEqualTo("mailsweep: unknown finding code or profile rule 'QWERTY_ASDF_ZXCV';"
        + " the README's findings table and 'mailsweep profiles' list them\n");
    Run profile = run("explain", "strict");
    assertThat(profile.err()).isEqualTo("mailsweep: 'strict' is a profile: name one of its rules (strict/RULE),"
        + " or run 'mailsweep profiles strict'\n");
    assertThat(run("explain").code()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void suggestionsAreTheNearestFew() {
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.closest("spf_mising", java.util.List.of("SPF_MISSING", "DMARC_MISSING", "SPF_NO_ALL")))
        .containsExactly("SPF_MISSING");
    assertThat(Suggestions.closest("SPF", java.util.List.of("SPF_MISSING", "SPF_NO_ALL", "SPF_PTR_USED",
        "SPF_PASS_ALL", "MX_NONE"))).hasSize(Suggestions.MAX).allMatch(s -> s.startsWith("SPF_"));
  }
}
