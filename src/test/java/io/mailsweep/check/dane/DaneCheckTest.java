package io.mailsweep.check.dane;

import static io.mailsweep.check.dane.DaneMatcherTest.der;
import static io.mailsweep.check.dane.DaneMatcherTest.spki;
import static io.mailsweep.check.dane.DaneMatcherTest.tlsa;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.Finding;
import io.mailsweep.check.ScanTarget;
import io.mailsweep.check.Status;
import io.mailsweep.check.transport.ServerProbe;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.Dns;
import io.mailsweep.net.smtp.SmtpOutcome;
import io.mailsweep.testing.dns.Fault;
import io.mailsweep.testing.dns.LabDns;
import io.mailsweep.testing.dns.SignedZone;
import io.mailsweep.testing.dns.ZoneSigner;
import io.mailsweep.testing.tls.HeldCertificate;
import io.mailsweep.testing.tls.TestCa;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DANE check against a DNSSEC-signed lab zone served on loopback, validated from its trust
 * anchor, with a scripted prober standing in for the SMTP servers.
 */
class DaneCheckTest {
  private static final TestCa CA = TestCa.create("Lab CA");
  private static final HeldCertificate MX1 = CA.issue("mx1.dane.test");
  private static final HeldCertificate MX2 = CA.issue("mx2.dane.test");
  private static final HeldCertificate MX3 = CA.issue("mx3.dane.test");
  private static final HeldCertificate MX4 = CA.issue("mx4.dane.test");
  private static final String FORGED = "AA".repeat(32);

  @TempDir static Path dir;
  static LabDns lab;
  static Dns validating;
  FakeProber prober;

  @BeforeAll
  static void start() throws Exception {
    String signed = LabDns.zone("dane.test") + """
        ok          IN MX   10 mx1
        ok          IN MX   20 mx2
        bad         IN MX   10 mx3
        ta          IN MX   10 mx4
        none        IN MX   10 mx5
        mixed       IN MX   10 mx1
        mixed       IN MX   20 mx5
        unsigned    IN MX   10 mx.plain.test.
        bogus       IN MX   10 mx7
        untested    IN MX   10 mx8
        pkix        IN MX   10 mx9
        plaintext   IN MX   10 mx10
        nullmx      IN MX   0 .
        timeout     IN MX   10 mx11
        forgedmx    IN MX   10 mx6
        mx1         IN A    127.0.7.1
        mx2         IN A    127.0.7.2
        mx2         IN AAAA ::1
        mx3         IN A    127.0.7.3
        mx4         IN A    127.0.7.4
        mx5         IN A    127.0.7.5
        mx7         IN A    127.0.7.7
        mx8         IN A    127.0.7.8
        mx9         IN A    127.0.7.9
        mx10        IN A    127.0.7.10
        mx11        IN A    127.0.7.11
        _25._tcp.mx5 IN TXT "a name with no TLSA record"
        """
        + "_25._tcp.mx1 IN TLSA " + tlsa(3, 1, 1, spki(MX1.certificate()), "SHA-256").presentation() + "\n"
        + "_25._tcp.mx2 IN TLSA " + tlsa(3, 1, 1, spki(MX2.certificate()), "SHA-256").presentation() + "\n"
        + "_25._tcp.mx3 IN TLSA " + tlsa(3, 1, 1, spki(MX1.certificate()), "SHA-256").presentation() + "\n"
        + "_25._tcp.mx4 IN TLSA " + tlsa(2, 0, 1, der(CA.certificate()), "SHA-256").presentation() + "\n"
        + "_25._tcp.mx7 IN TLSA 3 1 1 " + "BB".repeat(32) + "\n"
        + "_25._tcp.mx8 IN TLSA " + tlsa(3, 1, 1, spki(MX1.certificate()), "SHA-256").presentation() + "\n"
        + "_25._tcp.mx9 IN TLSA " + tlsa(1, 1, 1, spki(MX1.certificate()), "SHA-256").presentation() + "\n"
        + "_25._tcp.mx10 IN TLSA " + tlsa(3, 1, 1, spki(MX1.certificate()), "SHA-256").presentation() + "\n";
    SignedZone zone = ZoneSigner.sign(signed);
    String plain = LabDns.zone("plain.test") + """
        insecure     IN MX   10 mx1.dane.test.
        mx           IN A    127.0.8.1
        """ + "_25._tcp.mx IN TLSA " + tlsa(3, 1, 1, spki(MX1.certificate()), "SHA-256").presentation() + "\n";
    lab = LabDns.serve(Files.createDirectory(dir.resolve("zones")),
        zone.text().replace("BB".repeat(32), FORGED).replace("10 mx6.dane.test.", "10 mx1.dane.test."), plain);
    validating = lab.validating(Files.writeString(dir.resolve("anchor"), zone.trustAnchor()));
  }

  @AfterAll
  static void stop() {
    lab.close();
  }

  @BeforeEach
  void prober() {
    prober = new FakeProber();
  }

  private CheckResult run(String domain) {
    return new DaneCheck(validating, prober, DaneSettings.of(true)).run(ScanTarget.of(DomainName.of(domain))).join();
  }

  private static List<String> codes(CheckResult r) {
    return r.findings().stream().map(Finding::code).toList();
  }

  @Test
  void everyHostMatchingItsDaneEeRecordIsValid() {
    prober.presents("mx1.dane.test", MX1.chain()).presents("mx2.dane.test", MX2.chain());
    CheckResult r = run("ok.dane.test");
    assertThat(r.check()).isEqualTo("dane");
    assertThat(r.status()).isEqualTo(Status.PASS);
    assertThat(r.summary()).isEqualTo("valid (2/2 MX)");
    assertThat(r.findings()).isEmpty();
    assertThat(prober.probes("mx2.dane.test")).isEqualTo(2);
    assertThat(r.evidence()).contains(";; DNSSEC: secure")
        .anySatisfy(e -> assertThat(e).contains("mx1.dane.test 127.0.7.1: DANE match, leaf matches 3 1 1"));
  }

  @Test
  void certificateMatchingNoRecordIsAMismatch() {
    prober.presents("mx3.dane.test", MX3.chain());
    CheckResult r = run("bad.dane.test");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.summary()).isEqualTo("mismatch on mx3.dane.test");
    assertThat(codes(r)).containsExactly("DANE_MISMATCH");
  }

  @Test
  void daneTaRecordMatchesTheIssuingCa() {
    prober.presents("mx4.dane.test", MX4.chain());
    CheckResult r = run("ta.dane.test");
    assertThat(r.status()).isEqualTo(Status.PASS);
    assertThat(r.summary()).isEqualTo("valid (1/1 MX)");
  }

  @Test
  void tlsaInAnUnsignedZoneIsIgnoredBySenders() {
    CheckResult r = run("unsigned.dane.test");
    assertThat(r.status()).isEqualTo(Status.WARN);
    assertThat(r.summary()).isEqualTo("TLSA not signed");
    assertThat(codes(r)).containsExactly("DANE_TLSA_NOT_SIGNED");
    assertThat(prober.probes("mx.plain.test")).isZero();
  }

  @Test
  void mxInAnUnsignedZoneIsNotApplicable() {
    CheckResult r = run("insecure.plain.test");
    assertThat(r.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(r.summary()).isEqualTo("not applicable: MX not DNSSEC-signed");
    assertThat(codes(r)).containsExactly("DANE_MX_NOT_SIGNED");
  }

  @Test
  void provenAbsenceOfTlsaIsNeutral() {
    CheckResult r = run("none.dane.test");
    assertThat(r.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(r.summary()).isEqualTo("none");
    assertThat(codes(r)).containsExactly("DANE_NOT_PUBLISHED");
    assertThat(r.evidence()).anySatisfy(e -> assertThat(e).startsWith(";; _25._tcp.mx5.dane.test TLSA: NODATA"));
  }

  @Test
  void someHostsWithoutTlsaWarn() {
    prober.presents("mx1.dane.test", MX1.chain());
    CheckResult r = run("mixed.dane.test");
    assertThat(r.status()).isEqualTo(Status.WARN);
    assertThat(r.summary()).isEqualTo("valid (1/2 MX)");
    assertThat(codes(r)).containsExactly("DANE_PARTIAL");
  }

  @Test
  void bogusSignatureIsNotSilentlyAccepted() {
    CheckResult r = run("bogus.dane.test");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.summary()).isEqualTo("DNSSEC bogus on mx7.dane.test");
    assertThat(codes(r)).containsExactly("DANE_DNSSEC_BOGUS");
    assertThat(r.findings().get(0).message()).contains("DNSSEC bogus: ");
    assertThat(prober.probes("mx7.dane.test")).isZero();
  }

  @Test
  void forgedMxIsBogusAndFails() {
    CheckResult r = run("forgedmx.dane.test");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.summary()).isEqualTo("MX DNSSEC bogus");
    assertThat(codes(r)).containsExactly("DANE_DNSSEC_BOGUS");
    assertThat(prober.probes("mx1.dane.test")).isZero();
  }

  @Test
  void addressNotContactedIsInconclusiveNeverAMismatch() {
    prober.skips("mx8.dane.test", ServerProbe.Skip.PORT_BLOCKED);
    CheckResult r = run("untested.dane.test");
    assertThat(r.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(r.summary()).isEqualTo("not tested (0/1 MX valid)");
    assertThat(r.reason()).contains("mx8.dane.test 127.0.7.8: not contacted (outbound port 25 is blocked)");
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void connectionTimeoutIsInconclusiveToo() {
    prober.answers("mx8.dane.test", SmtpOutcome.CONNECT_TIMEOUT);
    CheckResult r = run("untested.dane.test");
    assertThat(r.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(r.reason()).contains("could not test (CONNECT_TIMEOUT");
  }

  @Test
  void onlyPkixRecordsLeaveNothingUsable() {
    CheckResult r = run("pkix.dane.test");
    assertThat(r.status()).isEqualTo(Status.WARN);
    assertThat(r.summary()).isEqualTo("TLSA unusable on mx9.dane.test");
    assertThat(codes(r)).containsExactly("DANE_TLSA_UNUSABLE", "DANE_TLSA_NONE_USABLE");
  }

  @Test
  void serverWithoutStarttlsFailsDaneSenders() {
    prober.answers("mx10.dane.test", SmtpOutcome.NO_STARTTLS);
    CheckResult r = run("plaintext.dane.test");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.summary()).isEqualTo("no TLS on mx10.dane.test");
    assertThat(codes(r)).containsExactly("DANE_NO_TLS");
  }

  @Test
  void nullMxHasNoMailHosts() {
    CheckResult r = run("nullmx.dane.test");
    assertThat(r.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(r.summary()).isEqualTo("not applicable: no mail hosts");
  }

  @Test
  void tlsaLookupTimeoutIsInconclusive() {
    lab.server().fault("_25._tcp.mx11.dane.test", "TLSA", Fault.timeout());
    CheckResult r = run("timeout.dane.test");
    assertThat(r.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(r.reason()).startsWith("TLSA lookup _25._tcp.mx11.dane.test TLSA: TIMEOUT");
    assertThat(prober.probes("mx11.dane.test")).isZero();
  }

  @Test
  void withoutDnssecNothingCanBeSaid() {
    CheckResult r = new DaneCheck(lab.dns(), prober, DaneSettings.of(false))
        .run(ScanTarget.of(DomainName.of("ok.dane.test"))).join();
    assertThat(r.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(r.reason()).contains("DNSSEC validation is not configured");
  }
}
