package io.mailsweep.check.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.CheckOptions;
import io.mailsweep.check.CheckResult;
import io.mailsweep.check.Finding;
import io.mailsweep.check.ScanTarget;
import io.mailsweep.check.Status;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.DnsSettings;
import io.mailsweep.net.dns.DnsjavaDns;
import io.mailsweep.testing.dns.Fault;
import io.mailsweep.testing.dns.LabDnsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DKIM check through the production dnsjava adapter against the in-process DNS server, with
 * keys minted in the test: 200 ms per try and no retries, so injected timeouts end quickly.
 */
class DkimCheckTest {
  @TempDir static Path zones;
  static LabDnsServer server;
  static ExecutorService executor;
  static DnsjavaDns dns;
  static final int CATALOGUE = SelectorCatalogue.shipped().size();

  @BeforeAll
  static void start() throws Exception {
    String rsa2048 = TestKeys.rsa(2048);
    String rsa1024 = TestKeys.rsa(1024);
    Files.writeString(zones.resolve("dkim.zone"), head("dkim.test") + String.join("\n",
        "nokeys                      IN A     127.0.0.1",
        "selector1._domainkey.k2048  IN TXT   " + txt("v=DKIM1; k=rsa; p=" + rsa2048),
        "google._domainkey.k1024     IN TXT   " + txt("v=DKIM1; k=rsa; p=" + rsa1024),
        "s1._domainkey.k512          IN TXT   " + txt("v=DKIM1; k=rsa; p=" + TestKeys.rsa(512)),
        "default._domainkey.ed       IN TXT   " + txt("v=DKIM1; k=ed25519; p=" + TestKeys.ed25519()),
        "k1._domainkey.revoked       IN TXT   \"v=DKIM1; k=rsa; p=\"",
        "k2._domainkey.rotated       IN TXT   \"v=DKIM1; k=rsa; p=\"",
        "k3._domainkey.rotated       IN TXT   " + txt("v=DKIM1; k=rsa; p=" + rsa2048),
        "google._domainkey.testing   IN TXT   " + txt("v=DKIM1; t=y; p=" + rsa1024),
        "selector1._domainkey.testing IN TXT  " + txt("v=DKIM1; p=" + rsa2048),
        "s1._domainkey.sha1          IN TXT   " + txt("v=DKIM1; h=sha1; p=" + rsa2048),
        "dkim._domainkey.malformed   IN TXT   \"v=DKIM1; k=rsa; p=MIIBIjANBgkq!!!notbase64\"",
        "mail._domainkey.unknownk    IN TXT   " + txt("v=DKIM1; k=dsa; p=" + rsa1024),
        "selector1._domainkey.m365   IN CNAME selector1-m365-dkim-test._domainkey.tenant.esp.test.",
        "selector2._domainkey.m365   IN CNAME selector2-m365-dkim-test._domainkey.tenant.esp.test.",
        "*._domainkey.wild           IN TXT   " + txt("v=DKIM1; p=" + rsa2048),
        "selector1._domainkey.wild   IN TXT   " + txt("v=DKIM1; p=" + rsa1024),
        "*._domainkey.wildonly       IN TXT   " + txt("v=DKIM1; p=" + rsa2048),
        "*._domainkey.wildcname      IN CNAME shared._domainkey.esp.test.",
        "vendorkey._domainkey.disclosed IN TXT " + txt("v=DKIM1; p=" + rsa2048),
        "jobkey._domainkey.jobsel    IN TXT   " + txt("v=DKIM1; p=" + rsa2048),
        "selector1._domainkey.slow   IN TXT   " + txt("v=DKIM1; p=" + rsa2048),
        "selector1._domainkey.wildslow IN TXT " + txt("v=DKIM1; p=" + rsa2048),
        "selector1._domainkey.two    IN TXT   " + txt("v=DKIM1; p=" + rsa2048),
        "selector1._domainkey.two    IN TXT   " + txt("v=DKIM1; p=" + rsa1024),
        "mail._domainkey.other       IN TXT   \"google-site-verification=abc\"",
        ""));
    Files.writeString(zones.resolve("esp.zone"), head("esp.test") + String.join("\n",
        "selector1-m365-dkim-test._domainkey.tenant IN TXT " + txt("v=DKIM1; k=rsa; p=" + rsa2048),
        "shared._domainkey           IN TXT   " + txt("v=DKIM1; p=" + rsa2048),
        ""));
    server = LabDnsServer.start(zones);
    server.fault("google._domainkey.slow.dkim.test", "TXT", Fault.timeout());
    server.fault("ms-fixed._domainkey.wildslow.dkim.test", "TXT", Fault.timeout());
    server.fault("_domainkey.nodeslow.dkim.test", "TXT", Fault.timeout());
    executor = Executors.newFixedThreadPool(2);
    dns = new DnsjavaDns(new DnsSettings(List.of(server.socketAddress()), Duration.ofMillis(200), 0,
        Duration.ofMillis(10), 100, 1000, 8), executor);
  }

  @AfterAll
  static void stop() {
    server.close();
    executor.shutdownNow();
  }

  private static String head(String origin) {
    return "$ORIGIN " + origin + ".\n$TTL 300\n@ IN SOA ns hostmaster 1 3600 600 86400 60\n@ IN NS ns\n"
        + "ns IN A 127.0.0.1\n";
  }

  /** TXT data as character-strings of at most 200 octets: RSA keys do not fit one string. */
  private static String txt(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i += 200) {
      out.append('"').append(text, i, Math.min(text.length(), i + 200)).append("\" ");
    }
    return out.toString().strip();
  }

  private static CheckResult run(String label) {
    return run(label, Map.of(), CheckOptions.DEFAULTS);
  }

  private static CheckResult run(String label, Map<String, String> columns, CheckOptions options) {
    ScanTarget target = new ScanTarget(DomainName.of(label + ".dkim.test"), columns);
    return new DkimCheck(dns, options).run(target).join();
  }

  private static List<String> codes(CheckResult r) {
    return r.findings().stream().map(Finding::code).toList();
  }

  @Test
  void a2048BitRsaKeyPasses() {
    CheckResult r = run("k2048");
    assertThat(r.check()).isEqualTo("dkim");
    assertThat(r.status()).isEqualTo(Status.PASS);
    assertThat(r.summary()).isEqualTo("selector1: rsa 2048");
    assertThat(r.findings()).isEmpty();
    assertThat(r.evidence()).anyMatch(e -> e.startsWith(";; _domainkey.k2048.dkim.test TXT: NODATA"))
        .anyMatch(e -> e.contains("selector1._domainkey.k2048.dkim.test 300 TXT"))
        .anyMatch(e -> e.startsWith(";; " + (CATALOGUE - 1) + " of " + CATALOGUE + " selectors got no record"));
  }

  @Test
  void a1024BitRsaKeyWarns() {
    CheckResult r = run("k1024");
    assertThat(r.status()).isEqualTo(Status.WARN);
    assertThat(r.summary()).isEqualTo("google: rsa 1024");
    assertThat(codes(r)).containsExactly("DKIM_KEY_SHORT");
    assertThat(r.findings().get(0).message()).contains("1024 bits").contains("2048");
    assertThat(r.findings().get(0).reference()).isEqualTo("RFC 8301 §3.2");
  }

  @Test
  void a512BitRsaKeyFails() {
    CheckResult r = run("k512");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.summary()).isEqualTo("s1: rsa 512");
    assertThat(codes(r)).containsExactly("DKIM_KEY_WEAK", "DKIM_NO_USABLE_KEY");
  }

  @Test
  void thresholdsComeFromTheOptions() {
    CheckResult r = run("k1024", Map.of(), new CheckOptions(List.of(), 1024, 1024));
    assertThat(r.status()).isEqualTo(Status.PASS);
    CheckResult strict = run("k2048", Map.of(), new CheckOptions(List.of(), 4096, 4096));
    assertThat(codes(strict)).containsExactly("DKIM_KEY_WEAK", "DKIM_NO_USABLE_KEY");
  }

  @Test
  void anEd25519KeyPasses() {
    CheckResult r = run("ed");
    assertThat(r.status()).isEqualTo(Status.PASS);
    assertThat(r.summary()).isEqualTo("default: ed25519 256");
  }

  @Test
  void aRevokedKeyAloneLeavesNoUsableKey() {
    CheckResult r = run("revoked");
    assertThat(r.status()).isEqualTo(Status.WARN);
    assertThat(r.summary()).isEqualTo("k1: revoked");
    assertThat(codes(r)).containsExactly("DKIM_KEY_REVOKED", "DKIM_NO_USABLE_KEY");
  }

  @Test
  void aRevokedKeyBesideACurrentOneIsRotationNotAProblem() {
    CheckResult r = run("rotated");
    assertThat(r.status()).isEqualTo(Status.PASS);
    assertThat(r.summary()).isEqualTo("k2: revoked; k3: rsa 2048");
    assertThat(codes(r)).containsExactly("DKIM_KEY_REVOKED");
  }

  @Test
  void aKeyInTestingModeIsFlaggedInTheSummary() {
    CheckResult r = run("testing");
    assertThat(r.status()).isEqualTo(Status.WARN);
    assertThat(r.summary()).isEqualTo("google: rsa 1024 (t=y); selector1: rsa 2048");
    assertThat(codes(r)).containsExactly("DKIM_KEY_SHORT", "DKIM_KEY_TESTING");
  }

  @Test
  void aSha1OnlyKeyFails() {
    CheckResult r = run("sha1");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.summary()).isEqualTo("s1: rsa 2048 (h=sha1)");
    assertThat(codes(r)).containsExactly("DKIM_KEY_SHA1_ONLY", "DKIM_NO_USABLE_KEY");
  }

  @Test
  void malformedBase64Fails() {
    CheckResult r = run("malformed");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.summary()).isEqualTo("dkim: malformed rsa key");
    assertThat(codes(r)).containsExactly("DKIM_KEY_MALFORMED", "DKIM_NO_USABLE_KEY");
    assertThat(r.findings().get(0).message()).contains("base64");
  }

  @Test
  void anUnknownKeyTypeFails() {
    CheckResult r = run("unknownk");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.summary()).isEqualTo("mail: k=dsa (unknown)");
    assertThat(codes(r)).containsExactly("DKIM_KEY_TYPE_UNKNOWN", "DKIM_NO_USABLE_KEY");
  }

  @Test
  void aCnameDelegatedSelectorIsFollowedAndItsChainRecorded() {
    CheckResult r = run("m365");
    assertThat(r.summary()).isEqualTo("selector1: rsa 2048");
    assertThat(r.evidence()).anyMatch(e -> e.startsWith(";; selector1._domainkey.m365.dkim.test TXT: ANSWER")
        && e.contains("via CNAME [selector1-m365-dkim-test._domainkey.tenant.esp.test]"));
    // selector2 is published but points at nothing: the usual sign of DKIM never enabled at Microsoft 365.
    assertThat(codes(r)).containsExactly("DKIM_CNAME_DANGLING");
    assertThat(r.findings().get(0).message()).contains("selector2._domainkey.m365.dkim.test")
        .contains("selector2-m365-dkim-test._domainkey.tenant.esp.test").contains("NXDOMAIN");
    assertThat(r.status()).isEqualTo(Status.WARN);
  }

  @Test
  void aWildcardIsNotAKeyAtEverySelectorButExplicitRecordsStillCount() {
    CheckResult r = run("wild");
    assertThat(r.summary()).isEqualTo("selector1: rsa 1024; wildcard");
    assertThat(codes(r)).containsExactly("DKIM_WILDCARD", "DKIM_KEY_SHORT");
    assertThat(r.findings().get(0).message()).contains("ms-").contains("not counted");
    assertThat(r.evidence()).anyMatch(e -> e.startsWith(";; " + (CATALOGUE - 1) + " of " + CATALOGUE
        + " selectors got the wildcard's answer"));
    assertThat(r.status()).isEqualTo(Status.WARN);
  }

  @Test
  void aDomainThatAnswersEverySelectorHasNoKeyFound() {
    CheckResult r = run("wildonly");
    assertThat(r.summary()).isEqualTo("not found among " + CATALOGUE + " probed selectors"
        + " (a wildcard answers every selector)");
    assertThat(codes(r)).containsExactly("DKIM_WILDCARD", "DKIM_NOT_FOUND");
    assertThat(r.status()).isEqualTo(Status.WARN);
  }

  @Test
  void aWildcardCnameIsRecognisedToo() {
    CheckResult r = run("wildcname");
    assertThat(r.summary()).startsWith("not found among " + CATALOGUE);
    assertThat(codes(r)).containsExactly("DKIM_WILDCARD", "DKIM_NOT_FOUND");
    assertThat(r.findings().get(0).message()).contains("via CNAME shared._domainkey.esp.test");
  }

  @Test
  void nxdomainAtTheDomainkeyNodeShortCircuitsTheProbe() {
    server.resetCounters();
    CheckResult r = run("nokeys", Map.of("dkim_selectors", "vendorsel"), CheckOptions.DEFAULTS);
    assertThat(r.status()).isEqualTo(Status.WARN);
    assertThat(r.summary()).isEqualTo("not found: _domainkey.nokeys.dkim.test does not exist");
    assertThat(codes(r)).containsExactly("DKIM_SELECTOR_MISSING", "DKIM_NOT_FOUND");
    assertThat(r.evidence()).anyMatch(e -> e.startsWith(";; RFC 8020: _domainkey.nokeys.dkim.test does not exist")
        && e.contains("none of the " + (CATALOGUE + 1) + " selectors was asked"));
    assertThat(server.queryCount("_domainkey.nokeys.dkim.test", "TXT")).isEqualTo(1);
    for (String s : SelectorCatalogue.shipped()) {
      assertThat(server.queryCount(s + "._domainkey.nokeys.dkim.test", "*")).as(s).isZero();
    }
    assertThat(server.queryCount("vendorsel._domainkey.nokeys.dkim.test", "*")).isZero();
    assertThat(server.totalQueries()).isEqualTo(1);
  }

  @Test
  void everyPlannedSelectorIsAskedOnceWhenTheNodeExists() {
    server.resetCounters();
    run("k2048");
    for (String s : SelectorCatalogue.shipped()) {
      assertThat(server.queryCount(s + "._domainkey.k2048.dkim.test", "TXT")).as(s).isEqualTo(1);
    }
    // the node, the random selector and the catalogue
    assertThat(server.totalQueries()).isEqualTo(CATALOGUE + 2);
  }

  @Test
  void selectorsDisclosedInTheInputColumnAreProbedFirst() {
    CheckResult r = run("disclosed", Map.of("dkim_selectors", "VendorKey; missing1 bad/entry"), CheckOptions.DEFAULTS);
    assertThat(r.summary()).isEqualTo("vendorkey: rsa 2048");
    assertThat(codes(r)).containsExactly("DKIM_SELECTOR_INVALID", "DKIM_SELECTOR_MISSING");
    assertThat(r.findings().get(0).message()).contains("'bad/entry'");
    assertThat(r.findings().get(1).message()).contains("missing1").contains("NXDOMAIN");
    assertThat(r.status()).isEqualTo(Status.WARN);
    assertThat(r.evidence()).anyMatch(e -> e.contains("not probed: disclosed selector 'bad/entry'"));
  }

  @Test
  void jobLevelSelectorsAreProbedToo() {
    CheckResult without = run("jobsel");
    assertThat(without.summary()).isEqualTo("not found among " + CATALOGUE + " probed selectors");
    assertThat(codes(without)).containsExactly("DKIM_NOT_FOUND");
    assertThat(without.status()).isEqualTo(Status.WARN);
    CheckResult with = run("jobsel", Map.of(), new CheckOptions(List.of("jobkey"), 1024, 2048));
    assertThat(with.summary()).isEqualTo("jobkey: rsa 2048");
    assertThat(with.status()).isEqualTo(Status.PASS);
  }

  @Test
  void aTimeoutIsInconclusiveAndNamesTheLookup() {
    CheckResult r = run("slow");
    assertThat(r.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(r.summary()).isEqualTo("selector1: rsa 2048; 1 of " + (CATALOGUE + 1) + " lookups failed");
    assertThat(r.reason()).contains("google._domainkey.slow.dkim.test TXT: TIMEOUT");
    assertThat(codes(r)).doesNotContain("DKIM_NOT_FOUND");
  }

  @Test
  void aFailedWildcardCheckMakesFoundKeysInconclusive() {
    DkimCheck check = new DkimCheck(dns, CheckOptions.DEFAULTS, SelectorCatalogue.shipped(), () -> "ms-fixed");
    CheckResult r = check.run(ScanTarget.of(DomainName.of("wildslow.dkim.test"))).join();
    assertThat(r.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(r.reason()).contains("ms-fixed._domainkey.wildslow.dkim.test TXT: TIMEOUT");
  }

  @Test
  void aFailedNodeLookupIsNoShortCutAndNoFailure() {
    CheckResult r = run("nodeslow");
    assertThat(r.evidence().get(0)).startsWith(";; _domainkey.nodeslow.dkim.test TXT: TIMEOUT");
    assertThat(r.status()).isEqualTo(Status.WARN);
    assertThat(codes(r)).containsExactly("DKIM_NOT_FOUND");
  }

  @Test
  void twoKeyRecordsAtOneSelector() {
    CheckResult r = run("two");
    assertThat(r.summary()).isIn("selector1: rsa 2048 + rsa 1024", "selector1: rsa 1024 + rsa 2048");
    assertThat(codes(r)).contains("DKIM_MULTIPLE_RECORDS", "DKIM_KEY_SHORT");
    assertThat(r.status()).isEqualTo(Status.WARN);
  }

  @Test
  void otherTxtDataAtASelectorIsNoKey() {
    CheckResult r = run("other");
    assertThat(r.summary()).startsWith("not found among");
    assertThat(r.evidence()).anyMatch(e -> e.contains("google-site-verification=abc"));
  }
}
