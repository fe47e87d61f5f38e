package io.mailsweep.policy;

import static io.mailsweep.check.Status.FAIL;
import static io.mailsweep.check.Status.INCONCLUSIVE;
import static io.mailsweep.check.Status.NOT_APPLICABLE;
import static io.mailsweep.check.Status.PASS;
import static io.mailsweep.check.Status.WARN;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.Status;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each shipped profile's verdicts on domains built to pass and to fail each of its rules: one row
 * per (profile, rule, change to a domain that passes everything), with the rule's expected outcome.
 */
class ShippedProfilesTest {
  private static final Map<String, Profile> PROFILES = load();

  private static Map<String, Profile> load() {
    Map<String, Profile> out = new java.util.LinkedHashMap<>();
    ProfileCatalog.shipped().forEach(p -> out.put(p.name(), p));
    return out;
  }

  private record Case(String rule, String change, UnaryOperator<Facts> apply, Status expected) {
    @Override
    public String toString() {
      return rule + " when " + change + " -> " + expected;
    }
  }

  private static Case c(String rule, String change, UnaryOperator<Facts> apply, Status expected) {
    return new Case(rule, change, apply, expected);
  }

  private static UnaryOperator<Facts> set(String check, String name, String value) {
    return f -> f.attribute(check, name, value);
  }

  private static UnaryOperator<Facts> starttls(String coverage) {
    return set("starttls", "STARTTLS on MX", coverage);
  }

  private static final UnaryOperator<Facts> NO_DMARC = f -> f.put("dmarc", FAIL, "none", Set.of("DMARC_MISSING"));
  private static final UnaryOperator<Facts> NO_SPF = f -> f.put("spf", FAIL, "none", Set.of("SPF_MISSING"),
      "validity", "none");
  private static final UnaryOperator<Facts> NULL_MX = f -> f.put("starttls", NOT_APPLICABLE, "null MX", Set.of(),
      "STARTTLS on MX", "n/a");

  static List<Case> cases() {
    return List.of(
        c("baseline/spf-valid", "~all", set("spf", "all", "~all"), PASS),
        c("baseline/spf-valid", "no SPF", NO_SPF, FAIL),
        c("baseline/spf-valid", "permerror", set("spf", "validity", "permerror"), FAIL),
        c("baseline/spf-valid", "?all", set("spf", "all", "?all"), FAIL),
        c("baseline/spf-valid", "+all", set("spf", "all", "+all"), FAIL),
        c("baseline/spf-valid", "no all", set("spf", "all", "none"), FAIL),
        c("baseline/spf-valid", "ip4:0.0.0.0/0", f -> f.finding("spf", "SPF_ALLOWS_EVERYONE"), FAIL),
        c("baseline/dmarc-policy", "p=quarantine", set("dmarc", "policy", "quarantine"), PASS),
        c("baseline/dmarc-policy", "p=none", set("dmarc", "policy", "none"), WARN),
        c("baseline/dmarc-policy", "no DMARC", NO_DMARC, FAIL),
        c("baseline/starttls-all-mx", "one MX without STARTTLS", starttls("partial"), FAIL),
        c("baseline/starttls-all-mx", "no STARTTLS", starttls("no"), FAIL),
        c("baseline/starttls-all-mx", "null MX", NULL_MX, NOT_APPLICABLE),
        c("baseline/starttls-all-mx", "port 25 blocked", f -> f.status("starttls", INCONCLUSIVE), INCONCLUSIVE),
        c("bod-18-01/spf-valid", "~all", set("spf", "all", "~all"), PASS),
        c("bod-18-01/spf-valid", "no SPF", NO_SPF, FAIL),
        c("bod-18-01/dmarc-reject", "p=quarantine", set("dmarc", "policy", "quarantine"), FAIL),
        c("bod-18-01/dmarc-reject", "pct=50", set("dmarc", "pct", "50"), FAIL),
        c("bod-18-01/dmarc-reject", "no DMARC", NO_DMARC, FAIL),
        c("bod-18-01/dmarc-rua-cisa", "rua without CISA", set("dmarc", "rua", "mailto:dmarc@vendor.test"), FAIL),
        c("bod-18-01/dmarc-rua-cisa", "no rua", set("dmarc", "rua", null), FAIL),
        c("bod-18-01/dmarc-rua-cisa", "CISA in capitals", set("dmarc", "rua", "mailto:REPORTS@dmarc.cyber.dhs.gov"),
            PASS),
        c("bod-18-01/starttls-all-mx", "no STARTTLS", starttls("no"), FAIL),
        c("bod-18-01/starttls-all-mx", "null MX", NULL_MX, NOT_APPLICABLE),
        c("bod-18-01/no-3des-rc4", "3DES accepted", set("starttls", "weak-ciphers", "3DES"), FAIL),
        c("bod-18-01/no-3des-rc4", "NULL accepted only", set("starttls", "weak-ciphers", "NULL"), PASS),
        c("bod-18-01/no-3des-rc4", "weak-suite test off", set("starttls", "weak-ciphers-tested", "no"), INCONCLUSIVE),
        c("bod-18-01/no-3des-rc4", "stored before the attribute", set("starttls", "weak-ciphers-tested", null),
            INCONCLUSIVE),
        c("bod-18-01/no-3des-rc4", "no STARTTLS anywhere", starttls("no"), NOT_APPLICABLE),
        c("bulk-sender-2024/spf", "permerror", set("spf", "validity", "permerror"), FAIL),
        c("bulk-sender-2024/dkim", "_domainkey does not exist", f -> f.put("dkim", WARN, "not found", Set.of(),
            "usable-keys", "0", "absence", "proven"), FAIL),
        c("bulk-sender-2024/dkim", "no key among the guessed selectors", f -> f.put("dkim", WARN, "not found",
            Set.of(), "usable-keys", "0", "absence", "unproven"), INCONCLUSIVE),
        c("bulk-sender-2024/dkim", "only a revoked key", f -> f.put("dkim", FAIL, "s1: revoked", Set.of(),
            "selectors", "s1", "usable-keys", "0"), FAIL),
        c("bulk-sender-2024/dmarc", "p=none", set("dmarc", "policy", "none"), PASS),
        c("bulk-sender-2024/dmarc", "no DMARC", NO_DMARC, FAIL),
        c("bulk-sender-2024/tls", "one MX without STARTTLS", starttls("partial"), FAIL),
        c("strict/spf-fail-all", "~all", set("spf", "all", "~all"), WARN),
        c("strict/spf-fail-all", "?all", set("spf", "all", "?all"), FAIL),
        c("strict/spf-fail-all", "permerror with -all", set("spf", "validity", "permerror"), FAIL),
        c("strict/dmarc-reject", "p=quarantine", set("dmarc", "policy", "quarantine"), FAIL),
        c("strict/dmarc-reject", "t=y", set("dmarc", "t", "y"), FAIL),
        c("strict/dmarc-reject", "pct=99", set("dmarc", "pct", "99"), FAIL),
        c("strict/dkim-2048", "a 1024-bit key", set("dkim", "min-rsa-bits", "1024"), FAIL),
        c("strict/dkim-2048", "a 4096-bit key", set("dkim", "min-rsa-bits", "4096"), PASS),
        c("strict/dkim-2048", "only Ed25519", set("dkim", "min-rsa-bits", null), PASS),
        c("strict/dkim-2048", "no key among the guessed selectors", f -> f.put("dkim", WARN, "not found", Set.of(),
            "usable-keys", "0", "absence", "unproven"), INCONCLUSIVE),
        c("strict/dkim-2048", "dkim not run", f -> f.without("dkim"), INCONCLUSIVE),
        c("strict/starttls-all-mx", "no STARTTLS", starttls("no"), FAIL),
        c("strict/tls-1.2", "TLS 1.0 accepted", set("starttls", "tls-versions", "TLSv1,TLSv1.2,TLSv1.3"), FAIL),
        c("strict/tls-1.2", "TLS 1.1 accepted", set("starttls", "tls-versions", "TLSv1.1,TLSv1.2"), FAIL),
        c("strict/tls-1.2", "TLS 1.3 only", set("starttls", "tls-versions", "TLSv1.3"), PASS),
        c("strict/tls-1.2", "version test off", set("starttls", "tls-versions-tested", "no"), INCONCLUSIVE),
        c("strict/certificates-valid", "expired", set("starttls", "Certificate", "expired (mx1.vendor.test)"), FAIL),
        c("strict/certificates-valid", "no STARTTLS anywhere", starttls("no"), NOT_APPLICABLE),
        c("strict/mta-sts-enforce", "testing mode", set("mtasts", "MTA-STS mode", "testing"), FAIL),
        c("strict/mta-sts-enforce", "no MTA-STS", f -> f.put("mtasts", WARN, "absent", Set.of("MTASTS_MISSING"),
            "MTA-STS mode", "absent"), FAIL),
        c("strict/mta-sts-enforce", "enforce, an MX not covered", f -> f.status("mtasts", FAIL), FAIL),
        c("strict/mta-sts-enforce", "null MX", f -> f.status("mtasts", NOT_APPLICABLE), NOT_APPLICABLE),
        c("strict/tls-rpt", "no TLS-RPT", f -> f.put("tlsrpt", WARN, "none", Set.of("TLSRPT_MISSING")), FAIL),
        c("strict/tls-rpt", "lookup timed out", f -> f.status("tlsrpt", INCONCLUSIVE), INCONCLUSIVE));
  }

  static Stream<Arguments> rows() {
    return cases().stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void eachRuleOnADomainBuiltForIt(Case c) {
    String[] parts = c.rule().split("/");
    Profile profile = PROFILES.get(parts[0]);
    DomainFacts facts = c.apply().apply(Facts.perfect()).build();
    Verdict v = profile.evaluate(facts);
    RuleOutcome outcome = v.outcomes().stream().filter(o -> o.ruleId().equals(parts[1])).findFirst().orElseThrow();
    assertThat(outcome.status()).as(outcome.detail()).isEqualTo(c.expected());
    if (c.expected() == FAIL) {
      assertThat(v.compliance()).isEqualTo(Compliance.NON_COMPLIANT);
      assertThat(outcome.detail()).isNotBlank();
    }
    if (c.expected() == INCONCLUSIVE) {
      assertThat(v.compliance()).isNotEqualTo(Compliance.COMPLIANT);
    }
  }

  @Test
  void aDomainThatDoesEverythingRightIsCompliantEverywhere() {
    for (Profile p : PROFILES.values()) {
      Verdict v = p.evaluate(Facts.perfect().build());
      assertThat(v.outcomes()).as(p.name()).allSatisfy(o -> assertThat(o.status()).as(o.ruleId() + ": " + o.detail())
          .isEqualTo(PASS));
      assertThat(v.compliance()).isEqualTo(Compliance.COMPLIANT);
      assertThat(v.score()).isEqualTo(100);
      assertThat(v.grade()).isEqualTo(Grade.A);
    }
  }

  @Test
  void everyRuleOfEveryShippedProfileHasAPassingAndAFailingRow() {
    Set<String> failing = new HashSet<>();
    cases().stream().filter(c -> c.expected() == FAIL).forEach(c -> failing.add(c.rule()));
    List<String> all = new ArrayList<>();
    PROFILES.values().forEach(p -> p.rules().forEach(r -> all.add(p.name() + "/" + r.id())));
    assertThat(failing).containsExactlyInAnyOrderElementsOf(all);
    assertThat(PROFILES.keySet()).containsExactly("baseline", "bod-18-01", "bulk-sender-2024", "strict");
  }

  @Test
  void theBodProfileCitesTheDirective() {
    Profile bod = PROFILES.get("bod-18-01");
    assertThat(bod.reference()).isEqualTo("https://cyber.dhs.gov/bod/18-01/");
    assertThat(bod.rules()).allSatisfy(r -> assertThat(r.reference()).startsWith("BOD 18-01, Required Actions"));
    assertThat(bod.description()).contains("SSLv2", "SSLv3", "RC4");
  }

  @Test
  void failingDetailsNameWhatWasFound() {
    Verdict v = PROFILES.get("bod-18-01").evaluate(Facts.perfect().attribute("dmarc", "policy", "none")
        .attribute("dmarc", "pct", "50").build());
    RuleOutcome reject = v.outcomes().get(1);
    assertThat(reject.detail()).isEqualTo("dmarc policy is reject (found: none); dmarc pct is at least 100 (found: 50)");
    assertThat(v.outcomes().get(0).detail()).isEqualTo("spf: valid; -all; 2 lookups");
  }

  @Test
  void everyProfileFileInTheJarIsListedAndNamedForItsFile() throws Exception {
    List<String> files;
    try (Stream<java.nio.file.Path> list = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/profiles"))) {
      files = list.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yml"))
          .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
    }
    assertThat(ProfileCatalog.SHIPPED).containsExactlyInAnyOrderElementsOf(files);
    PROFILES.forEach((name, p) -> assertThat(p.source()).isEqualTo("profiles/" + name + ".yml (shipped)"));
  }
}
