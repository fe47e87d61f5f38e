package io.mailsweep.check.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.transport.CertificateJudge;
import io.mailsweep.check.transport.ServerProbe;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.smtp.SmtpOutcome;
import io.mailsweep.net.smtp.SmtpProbeResult;
import io.mailsweep.testing.tls.TestCa;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MX probe results turned into verdicts for an enforced policy. */
class MxCertificateTest {
  static final DomainName MX = DomainName.of("mx1.vendor.test");
  static final List<X509Certificate> CHAIN = TestCa.create("Lab CA").issue("mx1.vendor.test").chain();
  static final CertificateJudge JUDGE = (host, chain) -> host.text().startsWith("bad") ? "certificate expired" : null;

  static ServerProbe probed(DomainName host, SmtpOutcome outcome, List<X509Certificate> chain) {
    SmtpProbeResult r = new SmtpProbeResult(new InetSocketAddress("192.0.2.1", 25), outcome, "220 mx", true,
        null, null, chain, List.of(), List.of(), null, outcome.name().toLowerCase(), 10);
    return new ServerProbe(host, "192.0.2.1", 25, ServerProbe.Skip.NONE, null, r);
  }

  @Test
  void judgesTheChainOfATlsProbe() {
    assertThat(MxCertificate.of(probed(MX, SmtpOutcome.TLS, CHAIN), JUDGE).verdict())
        .isEqualTo(MxCertificate.Verdict.VALID);
    MxCertificate bad = MxCertificate.of(probed(DomainName.of("bad.vendor.test"), SmtpOutcome.TLS, CHAIN), JUDGE);
    assertThat(bad.verdict()).isEqualTo(MxCertificate.Verdict.INVALID);
    assertThat(bad.detail()).isEqualTo("certificate expired");
    assertThat(MxCertificate.of(probed(MX, SmtpOutcome.TLS, List.of()), JUDGE).verdict())
        .isEqualTo(MxCertificate.Verdict.INVALID);
  }

  @Test
  void noTlsIsAVerdictAndUntestedIsUnknown() {
    MxCertificate plain = MxCertificate.of(probed(MX, SmtpOutcome.NO_STARTTLS, List.of()), JUDGE);
    assertThat(plain.verdict()).isEqualTo(MxCertificate.Verdict.NO_TLS);
    assertThat(plain.detail()).isEqualTo("NO_STARTTLS: no_starttls");
    assertThat(MxCertificate.of(probed(MX, SmtpOutcome.CONNECT_TIMEOUT, List.of()), JUDGE).verdict())
        .isEqualTo(MxCertificate.Verdict.UNKNOWN);
    MxCertificate skipped = MxCertificate.of(ServerProbe.skipped(MX, "192.0.2.1", 25, ServerProbe.Skip.PORT_BLOCKED,
        "outbound port 25 blocked"), JUDGE);
    assertThat(skipped.verdict()).isEqualTo(MxCertificate.Verdict.UNKNOWN);
    assertThat(skipped.detail()).isEqualTo("not contacted: PORT_BLOCKED (outbound port 25 blocked)");
    assertThat(skipped.where()).isEqualTo("mx1.vendor.test [192.0.2.1]");
  }
}
