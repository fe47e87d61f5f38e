package io.mailsweep.check.e2ee;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.Finding;
import io.mailsweep.check.ScanTarget;
import io.mailsweep.check.Status;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.CidrRange;
import io.mailsweep.net.TargetGuard;
import io.mailsweep.net.TargetPolicy;
import io.mailsweep.net.dns.Dns;
import io.mailsweep.net.https.HttpsSettings;
import io.mailsweep.net.https.SocketPolicyFetcher;
import io.mailsweep.testing.dns.Fault;
import io.mailsweep.testing.dns.LabDns;
import io.mailsweep.testing.dns.SignedZone;
import io.mailsweep.testing.dns.ZoneSigner;
import io.mailsweep.testing.https.LabHttpsServer;
import io.mailsweep.testing.https.Reply;
import io.mailsweep.testing.tls.TestCa;
import java.net.InetAddress;
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
 * The encrypted-mail check end to end on loopback: WKD hosts served by the lab HTTPS server
 * (certificates from a test CA), OPENPGPKEY and SMIMEA records from the lab DNS server, one zone
 * DNSSEC-signed and validated from its trust anchor, the other unsigned.
 */
class E2eeCheckTest {
  static final String ZONE = "e2ee.test";
  static final String SIGNED = "signed.test";
  static final TestCa CA = TestCa.create("Lab CA");
  /** An old-format Public-Key packet header and the start of a v4 key: enough to be sniffed as a key. */
  static final byte[] KEY = {(byte) 0x99, 0x00, 0x33, 0x04, 0x65, 0x00, 0x00, 0x00, 0x16};

  @TempDir static Path dir;
  static LabDns lab;
  static Dns dns;
  static LabHttpsServer https;
  static ExecutorService executor;
  static SocketPolicyFetcher fetcher;
  static E2eeCheck check;

  @BeforeAll
  static void start() throws Exception {
    String plain = LabDns.zone(ZONE) + """
        openpgpkey.adv        IN A   127.0.0.1
        adv                   IN A   127.0.0.1
        direct                IN A   127.0.0.1
        openpgpkey.nopolicy   IN A   127.0.0.1
        openpgpkey.moved      IN A   127.0.0.1
        plain                 IN A   127.0.0.1
        nothing               IN TXT "no address"
        none                  IN TXT "no address"
        slow                  IN TXT "no address"
        openpgpkey.wrongname  IN A   127.0.0.1
        openpgpkey.guarded    IN A   127.0.99.1
        """ + LocalPartHashes.dane("dave") + "._openpgpkey.dnskey IN OPENPGPKEY mQINBGU=\n";
    SignedZone signed = ZoneSigner.sign(LabDns.zone(SIGNED)
        + LocalPartHashes.dane("carol") + "._openpgpkey IN OPENPGPKEY mQINBGU=\n"
        + LocalPartHashes.dane("frank") + "._smimecert IN SMIMEA 3 1 1 " + "AB".repeat(32) + "\n");
    lab = LabDns.serve(Files.createDirectory(dir.resolve("zones")), plain, signed.text());
    dns = lab.validating(Files.writeString(dir.resolve("anchor"), signed.trustAnchor()));
    lab.server().fault(LocalPartHashes.dane("sam") + "._openpgpkey.slow." + ZONE, "*", Fault.timeout());
    https = LabHttpsServer.start(CA.issue("openpgpkey.adv." + ZONE, "direct." + ZONE, "openpgpkey.nopolicy." + ZONE,
        "openpgpkey.moved." + ZONE, "plain." + ZONE));
    String adv = "openpgpkey.adv." + ZONE;
    https.route(adv, "/.well-known/openpgpkey/adv." + ZONE + "/policy", Reply.policy("mailbox-only\n"));
    https.route(adv, WkdMethod.ADVANCED.keyPath(contact("alice@adv")), Reply.binary(KEY));
    https.route(adv, WkdMethod.ADVANCED.keyPath(contact("html@adv")),
        Reply.policy("<html><body>Welcome</body></html>").contentType("text/html"));
    https.route("direct." + ZONE, "/.well-known/openpgpkey/policy", Reply.policy(""));
    https.route("direct." + ZONE, WkdMethod.DIRECT.keyPath(contact("Joe.Doe@direct")), Reply.binary(KEY));
    https.route("openpgpkey.moved." + ZONE, "/.well-known/openpgpkey/moved." + ZONE + "/policy",
        Reply.redirect(301, "https://www.moved." + ZONE + "/wkd-policy"));
    executor = Executors.newFixedThreadPool(4);
    fetcher = new SocketPolicyFetcher(LabHttpsServer.trusting(CA),
        HttpsSettings.DEFAULTS.withDeadlines(Duration.ofMillis(500), Duration.ofSeconds(1)), executor);
    check = new E2eeCheck(dns, fetcher, address -> null, https.port());
  }

  @AfterAll
  static void stop() {
    https.close();
    lab.close();
    executor.shutdownNow();
  }

  /** {@code local@label} below the lab zone, or any full address. */
  static ContactAddress contact(String address) {
    String full = address.contains(".") && address.substring(address.indexOf('@')).contains(".") ? address
        : address + "." + ZONE;
    int at = full.lastIndexOf('@');
    return new ContactAddress(full.substring(0, at), DomainName.of(full.substring(at + 1)));
  }

  static CheckResult run(E2eeCheck with, String domain, String contacts) {
    String name = domain.contains(".") ? domain : domain + "." + ZONE;
    Map<String, String> columns = contacts == null ? Map.of() : Map.of("contact", contacts);
    return with.run(new ScanTarget(DomainName.of(name), columns)).join();
  }

  static CheckResult run(String domain, String contacts) {
    return run(check, domain, contacts);
  }

  static List<String> codes(CheckResult r) {
    return r.findings().stream().map(Finding::code).toList();
  }

  @Test
  void theAdvancedMethodIsUsedWhenItsHostHasAnAddressAndAKeyIsFoundByWkdOnly() {
    CheckResult r = run("adv", "alice@adv.e2ee.test, bob@adv.e2ee.test");
    assertThat(r.check()).isEqualTo("e2ee");
    assertThat(r.status()).isEqualTo(Status.WARN);
    assertThat(r.summary()).isEqualTo("1/2 contacts reachable; WKD offered (advanced)");
    assertThat(r.evidence()).contains("encrypted mail to alice@adv.e2ee.test: possible via WKD",
        "encrypted mail to bob@adv.e2ee.test: not found among WKD, OPENPGPKEY, SMIMEA", "| mailbox-only");
    assertThat(r.attribute(E2eeCheck.ENCRYPTED_MAIL)).isEqualTo("alice@adv.e2ee.test: WKD; bob@adv.e2ee.test: none");
    assertThat(r.attribute(E2eeCheck.WKD)).isEqualTo("offered (advanced)");
    assertThat(codes(r)).containsExactly("E2EE_CONTACT_NO_KEY");
    String key = "/.well-known/openpgpkey/adv.e2ee.test/hu/" + LocalPartHashes.wkd("alice") + "?l=alice";
    assertThat(https.requests()).anyMatch(q -> q.sni().equals("openpgpkey.adv." + ZONE) && q.path().equals(key));
    // adv.e2ee.test has an address too: the direct method is not tried when the advanced host exists.
    assertThat(https.requests()).noneMatch(q -> q.sni().equals("adv." + ZONE));
  }

  @Test
  void theDirectMethodIsUsedWhenTheSubdomainHasNoAddress() {
    CheckResult r = run("direct", "Joe.Doe@direct.e2ee.test");
    assertThat(r.status()).isEqualTo(Status.PASS);
    assertThat(r.summary()).isEqualTo("1/1 contacts reachable; WKD offered (direct)");
    assertThat(r.findings()).isEmpty();
    assertThat(r.evidence()).contains(";; Joe.Doe@direct.e2ee.test WKD: binary OpenPGP public key, 9 bytes");
    assertThat(https.requests()).anyMatch(q -> q.sni().equals("direct." + ZONE)
        && q.path().equals("/.well-known/openpgpkey/hu/iy9q119eutrkn8s1mk4r39qejnbu3n5q?l=Joe.Doe"));
  }

  @Test
  void anAdvancedHostWithoutPolicyIsBroken() {
    CheckResult r = run("nopolicy", null);
    assertThat(r.status()).isEqualTo(Status.WARN);
    assertThat(r.summary()).isEqualTo("no contact listed; WKD broken (advanced)");
    assertThat(codes(r)).containsExactly("E2EE_WKD_POLICY_MISSING");
    assertThat(r.findings().get(0).message()).startsWith("https://openpgpkey.nopolicy.e2ee.test:" + https.port()
        + "/.well-known/openpgpkey/nopolicy.e2ee.test/policy: HTTP 404");
    assertThat(r.attribute(E2eeCheck.ENCRYPTED_MAIL)).isNull();
  }

  @Test
  void aRedirectedPolicyIsReportedAndNotFollowed() {
    CheckResult r = run("moved", null);
    assertThat(r.status()).isEqualTo(Status.WARN);
    assertThat(codes(r)).containsExactly("E2EE_WKD_POLICY_REDIRECT");
    assertThat(r.findings().get(0).message()).endsWith("to https://www.moved.e2ee.test/wkd-policy");
    assertThat(https.requests()).noneMatch(q -> q.path().equals("/wkd-policy"));
  }

  @Test
  void noWkdAndNoContactIsNotApplicable() {
    CheckResult plain = run("plain", null);
    assertThat(plain.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(plain.attribute(E2eeCheck.WKD)).isEqualTo("not offered");
    assertThat(codes(plain)).containsExactly("E2EE_WKD_MISSING");
    assertThat(plain.findings().get(0).message()).contains("/.well-known/openpgpkey/policy: HTTP 404");
    CheckResult nothing = run("nothing", null);
    assertThat(nothing.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(nothing.findings().get(0).message())
        .isEqualTo("Neither openpgpkey.nothing.e2ee.test nor nothing.e2ee.test has an A or AAAA record");
  }

  @Test
  void aDnssecSignedOpenPgpKeyAloneMakesAContactReachable() {
    CheckResult r = run(SIGNED, "carol@signed.test");
    assertThat(r.status()).isEqualTo(Status.PASS);
    assertThat(r.evidence()).contains("encrypted mail to carol@signed.test: possible via OPENPGPKEY",
        ";; DNSSEC: authenticated");
    assertThat(r.evidence()).anyMatch(e -> e.startsWith(LocalPartHashes.dane("carol")
        + "._openpgpkey.signed.test 300 OPENPGPKEY "));
    assertThat(codes(r)).containsExactly("E2EE_WKD_MISSING");
  }

  @Test
  void anUnsignedOpenPgpKeyIsFoundButAFinding() {
    CheckResult r = run("dnskey", "dave@dnskey.e2ee.test");
    assertThat(r.status()).isEqualTo(Status.WARN);
    assertThat(r.evidence()).contains("encrypted mail to dave@dnskey.e2ee.test: possible via OPENPGPKEY",
        ";; DNSSEC: not authenticated");
    assertThat(codes(r)).contains("E2EE_OPENPGPKEY_NOT_DNSSEC").doesNotContain("E2EE_CONTACT_NO_KEY");
    assertThat(r.attribute(E2eeCheck.ENCRYPTED_MAIL)).isEqualTo("dave@dnskey.e2ee.test: OPENPGPKEY");
  }

  @Test
  void aSignedSmimeaAloneMakesAContactReachable() {
    CheckResult r = run(SIGNED, "frank@signed.test");
    assertThat(r.status()).isEqualTo(Status.PASS);
    assertThat(r.evidence()).contains("encrypted mail to frank@signed.test: possible via SMIMEA");
    assertThat(r.attribute(E2eeCheck.ENCRYPTED_MAIL)).isEqualTo("frank@signed.test: SMIMEA");
  }

  @Test
  void noContactWithAKeyFails() {
    CheckResult r = run("none", "nobody@none.e2ee.test");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.summary()).isEqualTo("0/1 contacts reachable; WKD not offered");
    assertThat(codes(r)).containsExactly("E2EE_WKD_MISSING", "E2EE_CONTACT_NO_KEY");
    assertThat(r.attribute(E2eeCheck.ENCRYPTED_MAIL)).isEqualTo("nobody@none.e2ee.test: none");
  }

  @Test
  void aKeyUrlServingAPageIsNoKey() {
    CheckResult r = run("adv", "html@adv.e2ee.test");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(codes(r)).containsExactly("E2EE_WKD_KEY_INVALID", "E2EE_CONTACT_NO_KEY");
    assertThat(r.findings().get(0).message()).endsWith("?l=html: HTML or XML, not an OpenPGP key");
  }

  @Test
  void malformedAddressesAreFindingsAndNotLookedUp() {
    CheckResult r = run("adv", "alice@adv.e2ee.test; not-an-address, bob@@adv.e2ee.test");
    assertThat(r.status()).isEqualTo(Status.PASS);
    assertThat(r.summary()).isEqualTo("1/1 contacts reachable; WKD offered (advanced); 2 malformed");
    assertThat(codes(r)).containsExactly("E2EE_CONTACT_MALFORMED", "E2EE_CONTACT_MALFORMED");
    assertThat(r.evidence()).contains(";; malformed contact 'not-an-address': no '@'",
        ";; malformed contact 'bob@@adv.e2ee.test': local part has a character outside RFC 5322 atext ('bob@')");
  }

  @Test
  void contactsPastTheCapAreReportedAndNeverLookedUp() {
    E2eeCheck capped = new E2eeCheck(dns, fetcher, address -> null, https.port(), "contact", 1);
    CheckResult r = run(capped, "none", "first@none.e2ee.test, late@none.e2ee.test");
    assertThat(r.summary()).isEqualTo("0/1 contacts reachable; WKD not offered; 1 more not looked up (cap 1)");
    assertThat(codes(r)).contains("E2EE_TOO_MANY_CONTACTS");
    assertThat(r.evidence()).contains(";; not looked up (cap 1): late@none.e2ee.test");
    assertThat(lab.server().queryCount(LocalPartHashes.dane("first") + "._openpgpkey.none." + ZONE, "*")).isPositive();
    assertThat(lab.server().queryCount(LocalPartHashes.dane("late") + "._openpgpkey.none." + ZONE, "*")).isZero();
    assertThat(lab.server().queryCount(LocalPartHashes.dane("late") + "._smimecert.none." + ZONE, "*")).isZero();
  }

  @Test
  void aContactAtAnotherDomainIsLookedUpOnItsOwnDomain() {
    CheckResult r = run("plain", "alice@adv.e2ee.test");
    assertThat(r.status()).isEqualTo(Status.PASS);
    assertThat(r.summary()).isEqualTo("1/1 contacts reachable; WKD not offered");
    assertThat(r.evidence()).anyMatch(e -> e.startsWith("openpgpkey.adv.e2ee.test 300 A 127.0.0.1"));
    assertThat(lab.server().queryCount(LocalPartHashes.dane("alice") + "._openpgpkey.adv." + ZONE, "*")).isPositive();
    assertThat(lab.server().queryCount(LocalPartHashes.dane("alice") + "._openpgpkey.plain." + ZONE, "*")).isZero();
  }

  @Test
  void aCertificateForAnotherNameBreaksWkd() {
    CheckResult r = run("wrongname", null);
    assertThat(r.status()).isEqualTo(Status.WARN);
    assertThat(codes(r)).containsExactly("E2EE_WKD_CERTIFICATE_INVALID");
    assertThat(r.attribute(E2eeCheck.WKD)).isEqualTo("broken (advanced)");
  }

  @Test
  void aFailedDnsLookupLeavesTheContactUndetermined() {
    CheckResult r = run("slow", "sam@slow.e2ee.test");
    assertThat(r.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(r.reason()).startsWith("not determined for sam@slow.e2ee.test: OPENPGPKEY lookup TIMEOUT");
    assertThat(r.evidence()).contains("encrypted mail to sam@slow.e2ee.test: not determined (not found among WKD,"
        + " SMIMEA; OPENPGPKEY could not be checked)");
    assertThat(codes(r)).doesNotContain("E2EE_CONTACT_NO_KEY");
  }

  @Test
  void anAddressOutsideTheAllowListIsRecordedAndNeverContacted() throws Exception {
    String host = "openpgpkey.guarded." + ZONE;
    try (LabHttpsServer untouched = LabHttpsServer.start(CA.issue(host), InetAddress.getByName("127.0.99.1"))) {
      untouched.route(host, "/.well-known/openpgpkey/guarded." + ZONE + "/policy", Reply.policy(""));
      TargetGuard labOnly = TargetPolicy.only(List.of(CidrRange.parse("127.0.25.0/24")));
      E2eeCheck guarded = new E2eeCheck(dns, fetcher, labOnly, untouched.port());
      CheckResult r = run(guarded, "guarded", "alice@guarded.e2ee.test");
      assertThat(r.status()).isEqualTo(Status.INCONCLUSIVE);
      assertThat(r.reason()).contains("127.0.99.1 is outside --allow-targets 127.0.25.0/24");
      assertThat(r.evidence()).contains(";; not contacted 127.0.99.1: 127.0.99.1 is outside --allow-targets"
          + " 127.0.25.0/24");
      assertThat(r.attribute(E2eeCheck.WKD)).isEqualTo("unknown");
      assertThat(untouched.connections()).isZero();
      // The same fixture does see a check that may contact it.
      CheckResult allowed = run(new E2eeCheck(dns, fetcher, address -> null, untouched.port()), "guarded", null);
      assertThat(allowed.attribute(E2eeCheck.WKD)).isEqualTo("offered (advanced)");
      assertThat(untouched.connections()).isPositive();
    }
  }
}
