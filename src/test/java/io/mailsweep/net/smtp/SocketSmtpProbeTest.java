package io.mailsweep.net.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsweep.testing.smtp.LabSmtpServer;
import io.mailsweep.testing.smtp.Scenario;
import io.mailsweep.testing.smtp.Scenario.AfterReady;
import io.mailsweep.testing.tls.HeldCertificate;
import io.mailsweep.testing.tls.TestCa;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One outcome per server behaviour, against the lab server on loopback. */
class SocketSmtpProbeTest {
  private static HeldCertificate mx;
  private final SmtpProbe probe = new SocketSmtpProbe(ProbeSettings.mainOnly());

  @BeforeAll
  static void mint() {
    mx = TestCa.create("Lab CA").issue("mx1.test");
  }

  @Test
  void starttlsHandshakeRecordsProtocolSuiteAndPresentedChain() throws IOException {
    try (LabSmtpServer server = LabSmtpServer.start(Scenario.starttls(mx).build())) {
      SmtpProbeResult r = probe.probe(server.address());

      assertThat(r.outcome()).isEqualTo(SmtpOutcome.TLS);
      assertThat(r.outcome().tested()).isTrue();
      assertThat(r.target()).isEqualTo(server.address());
      assertThat(r.banner()).isEqualTo("220 lab.test ESMTP LabSmtpServer");
      assertThat(r.starttlsAdvertised()).isTrue();
      assertThat(r.protocol()).isEqualTo("TLSv1.3");
      assertThat(r.cipherSuite()).startsWith("TLS_AES_");
      assertThat(r.detail()).isEqualTo(r.protocol() + " " + r.cipherSuite());
      assertThat(r.chain()).isEqualTo(mx.chain());
      assertThat(server.handshakes()).containsExactly(r.protocol() + " " + r.cipherSuite());
      assertThat(r.protocols()).isEmpty();
      assertThat(r.weakCiphersAccepted()).isEmpty();
      assertThat(r.weakCiphersNote()).isNull();
      assertThat(r.millis()).isBetween(0L, ProbeSettings.TOTAL.toMillis());
      assertThat(server.connections()).isEqualTo(1);
      assertThat(server.commands()).containsExactly("EHLO mailsweep.invalid", "STARTTLS", "QUIT");
    }
  }

  @Test
  void tlsOnlyAfterLegacyFallbackWhenTheServerSpeaksOnlyTls1() throws IOException {
    try (LabSmtpServer server = LabSmtpServer.start(Scenario.starttls(mx).protocols("TLSv1").build())) {
      SmtpProbeResult r = probe.probe(server.address());

      assertThat(r.outcome()).isEqualTo(SmtpOutcome.TLS);
      assertThat(r.protocol()).isEqualTo("TLSv1");
      assertThat(r.chain()).isEqualTo(mx.chain());
      assertThat(r.detail()).startsWith("TLSv1 TLS_").contains("only with legacy protocols", "TLS handshake failed");
      assertThat(server.connections()).isEqualTo(2);
      assertThat(server.handshakes()).hasSize(2).first().asString().startsWith("failed:");
    }
  }

  @Test
  void multiLineBannerKeepsItsFirstLine() throws IOException {
    Scenario scenario = Scenario.starttls(mx).greeting(220, "mx1.test ESMTP ready", "second line", "third").build();
    try (LabSmtpServer server = LabSmtpServer.start(scenario)) {
      SmtpProbeResult r = probe.probe(server.address());
      assertThat(r.outcome()).isEqualTo(SmtpOutcome.TLS);
      assertThat(r.banner()).isEqualTo("220 mx1.test ESMTP ready");
    }
  }

  @Test
  void noStarttlsAdvertised() throws IOException {
    try (LabSmtpServer server = LabSmtpServer.start(Scenario.plain().build())) {
      SmtpProbeResult r = probe.probe(server.address());
      assertThat(r.outcome()).isEqualTo(SmtpOutcome.NO_STARTTLS);
      assertThat(r.starttlsAdvertised()).isFalse();
      assertThat(r.detail()).isEqualTo("STARTTLS not advertised in the EHLO reply");
      assertThat(r.protocol()).isNull();
      assertThat(r.chain()).isEmpty();
      assertThat(server.commands()).containsExactly("EHLO mailsweep.invalid", "QUIT");
    }
  }

  @Test
  void starttlsAnsweredWith454() throws IOException {
    try (LabSmtpServer server = LabSmtpServer.start(Scenario.starttls(mx).starttlsReply(454).build())) {
      SmtpProbeResult r = probe.probe(server.address());
      assertThat(r.outcome()).isEqualTo(SmtpOutcome.STARTTLS_REFUSED);
      assertThat(r.starttlsAdvertised()).isTrue();
      assertThat(r.detail()).isEqualTo("STARTTLS answered 454 4.7.0 TLS not available");
      assertThat(server.commands()).containsExactly("EHLO mailsweep.invalid", "STARTTLS", "QUIT");
    }
  }

  @Test
  void starttlsAnsweredWith421IsNotARefusalOfTls() throws IOException {
    try (LabSmtpServer server = LabSmtpServer.start(Scenario.starttls(mx).starttlsReply(421).build())) {
      SmtpProbeResult r = probe.probe(server.address());
      assertThat(r.outcome()).isEqualTo(SmtpOutcome.SMTP_REJECTED);
      assertThat(r.outcome().tested()).isFalse();
      assertThat(r.detail()).startsWith("STARTTLS answered 421");
    }
  }

  @Test
  void greeting554RefusesTheClient() throws IOException {
    try (LabSmtpServer server = LabSmtpServer.start(Scenario.starttls(mx).greeting(554, "go away").build())) {
      SmtpProbeResult r = probe.probe(server.address());
      assertThat(r.outcome()).isEqualTo(SmtpOutcome.SMTP_REJECTED);
      assertThat(r.outcome().tested()).isFalse();
      assertThat(r.banner()).isEqualTo("554 go away");
      assertThat(r.detail()).isEqualTo("greeted with 554 go away");
      assertThat(server.commands()).containsExactly("QUIT");
    }
  }

  @Test
  void ehloRejectedHeloAcceptedMeansNoStarttls() throws IOException {
    try (LabSmtpServer server = LabSmtpServer.start(Scenario.starttls(mx).rejectEhlo().build())) {
      SmtpProbeResult r = probe.probe(server.address());
      assertThat(r.outcome()).isEqualTo(SmtpOutcome.NO_STARTTLS);
      assertThat(r.detail()).contains("EHLO refused (502", "HELO accepted");
      assertThat(server.commands()).containsExactly("EHLO mailsweep.invalid", "HELO mailsweep.invalid", "QUIT");
    }
  }

  @Test
  void dropAfterReadyIsAFailedHandshake() throws IOException {
    Scenario scenario = Scenario.starttls(mx).afterReady(AfterReady.DROP).build();
    try (LabSmtpServer server = LabSmtpServer.start(scenario)) {
      SmtpProbeResult r = probe.probe(server.address());
      assertThat(r.outcome()).isEqualTo(SmtpOutcome.HANDSHAKE_FAILED);
      assertThat(r.outcome().tested()).isTrue();
      assertThat(r.detail()).startsWith("TLS handshake failed: ");
      assertThat(r.chain()).isEmpty();
      assertThat(server.connections()).as("default offer, then the legacy fallback").isEqualTo(2);
    }
  }

  @Test
  void noCommonCipherIsAFailedHandshake() throws IOException {
    Scenario scenario = Scenario.starttls(mx).protocols("TLSv1.2").cipherSuites("TLS_DH_anon_WITH_AES_128_GCM_SHA256")
        .build();
    try (LabSmtpServer server = LabSmtpServer.start(scenario)) {
      SmtpProbeResult r = probe.probe(server.address());
      assertThat(r.outcome()).isEqualTo(SmtpOutcome.HANDSHAKE_FAILED);
      assertThat(r.detail()).doesNotContain("\n");
    }
  }

  @Test
  void refusedConnection() throws IOException {
    InetSocketAddress nobody = new InetSocketAddress(InetAddress.getLoopbackAddress(), LabSmtpServer.refusedPort());
    SmtpProbeResult r = probe.probe(nobody);
    assertThat(r.outcome()).isEqualTo(SmtpOutcome.CONNECT_REFUSED);
    assertThat(r.outcome().tested()).isFalse();
    assertThat(r.detail()).isEqualTo("connection refused");
    assertThat(r.banner()).isNull();
  }

  @Test
  void closedWithoutAWordIsAnIoError() throws IOException {
    try (LabSmtpServer server = LabSmtpServer.start(Scenario.starttls(mx).closeOnAccept().build())) {
      SmtpProbeResult r = probe.probe(server.address());
      assertThat(r.outcome()).isEqualTo(SmtpOutcome.IO_ERROR);
      assertThat(r.detail()).isEqualTo("connection closed by the server while waiting for the banner");
    }
  }

  @Test
  void overLongReplyLineIsAProtocolError() throws IOException {
    try (LabSmtpServer server = LabSmtpServer.start(Scenario.starttls(mx).longEhloLine(5000).build())) {
      SmtpProbeResult r = probe.probe(server.address());
      assertThat(r.outcome()).isEqualTo(SmtpOutcome.PROTOCOL_ERROR);
      assertThat(r.detail()).isEqualTo("the EHLO reply: reply line longer than 1000 octets");
      assertThat(r.banner()).isNotNull();
    }
  }

  @Test
  void replyWithTooManyLinesIsAProtocolError() throws IOException {
    try (LabSmtpServer server = LabSmtpServer.start(Scenario.starttls(mx).extraEhloLines(150).build())) {
      SmtpProbeResult r = probe.probe(server.address());
      assertThat(r.outcome()).isEqualTo(SmtpOutcome.PROTOCOL_ERROR);
      assertThat(r.detail()).isEqualTo("the EHLO reply: reply longer than 100 lines");
    }
  }

  @Test
  void neverSendsMail() throws IOException {
    try (LabSmtpServer server = LabSmtpServer.start(Scenario.starttls(mx).build())) {
      new SocketSmtpProbe(SmtpSettings.DEFAULTS.withTimeouts(ProbeSettings.CONNECT, ProbeSettings.BANNER,
          ProbeSettings.COMMAND, ProbeSettings.TOTAL)).probe(server.address());
      assertThat(server.connections()).isGreaterThan(1);
      assertThat(server.commands()).isNotEmpty()
          .allMatch(c -> c.equals("EHLO mailsweep.invalid") || c.equals("STARTTLS") || c.equals("QUIT"));
      long failedHandshakes = server.handshakes().stream().filter(h -> h.startsWith("failed")).count();
      assertThat(server.commands().stream().filter("QUIT"::equals).count())
          .as("every conversation that still had a channel ended with QUIT")
          .isEqualTo(server.connections() - failedHandshakes);
    }
  }

  @Test
  void sendsSniOnlyWhenAsked() throws IOException {
    try (LabSmtpServer server = LabSmtpServer.start(Scenario.starttls(mx).build())) {
      SocketSmtpProbe sni = new SocketSmtpProbe(ProbeSettings.mainOnly());
      assertThat(sni.probe(server.address(), "mx1.test").outcome()).isEqualTo(SmtpOutcome.TLS);
      assertThatThrownBy(() -> sni.probe(server.address(), "not a name")).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
