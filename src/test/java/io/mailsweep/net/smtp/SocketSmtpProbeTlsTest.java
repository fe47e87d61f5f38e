package io.mailsweep.net.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.net.smtp.ProtocolSupport.Support;
import io.mailsweep.testing.smtp.LabSmtpServer;
import io.mailsweep.testing.smtp.Scenario;
import io.mailsweep.testing.tls.HeldCertificate;
import io.mailsweep.testing.tls.TestCa;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The extra handshakes: protocol versions one by one, and weak cipher suites. */
class SocketSmtpProbeTlsTest {
  private static final String GCM = "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";
  private static final String TRIPLE_DES = "TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA";
  private static final String NULL_CIPHER = "TLS_ECDHE_ECDSA_WITH_NULL_SHA";

  private static HeldCertificate mx;

  @BeforeAll
  static void mint() {
    mx = TestCa.create("Lab CA").issue("mx1.test");
  }

  @Test
  void serverWithOnlyTls12() throws IOException {
    try (LabSmtpServer server = LabSmtpServer.start(Scenario.starttls(mx).protocols("TLSv1.2").build())) {
      SmtpProbeResult r = new SocketSmtpProbe(ProbeSettings.withVersions()).probe(server.address());

      assertThat(r.outcome()).isEqualTo(SmtpOutcome.TLS);
      assertThat(r.protocol()).isEqualTo("TLSv1.2");
      assertThat(r.protocols()).containsExactly(
          new ProtocolSupport("TLSv1.3", Support.REFUSED, null),
          new ProtocolSupport("TLSv1.2", Support.ACCEPTED, null),
          new ProtocolSupport("TLSv1.1", Support.REFUSED, null),
          new ProtocolSupport("TLSv1", Support.REFUSED, null));
      assertThat(server.connections()).as("main, then 1.3, 1.1 and 1; 1.2 is known from the main one").isEqualTo(4);
    }
  }

  @Test
  void serverWithOnlyTls1IsReportedAsTlsv1() throws IOException {
    try (LabSmtpServer server = LabSmtpServer.start(Scenario.starttls(mx).protocols("TLSv1").build())) {
      SmtpProbeResult r = new SocketSmtpProbe(ProbeSettings.withVersions()).probe(server.address());

      assertThat(r.outcome()).isEqualTo(SmtpOutcome.TLS);
      assertThat(r.protocol()).isEqualTo("TLSv1");
      assertThat(r.chain()).isEqualTo(mx.chain());
      assertThat(r.protocols()).extracting(ProtocolSupport::support)
          .containsExactly(Support.REFUSED, Support.REFUSED, Support.REFUSED, Support.ACCEPTED);
      assertThat(server.connections()).as("main, legacy fallback, then 1.3, 1.2, 1.1").isEqualTo(5);
    }
  }

  @Test
  void serverAcceptingEveryVersion() throws IOException {
    try (LabSmtpServer server = LabSmtpServer.start(Scenario.starttls(mx).build())) {
      SmtpProbeResult r = new SocketSmtpProbe(ProbeSettings.withVersions()).probe(server.address());
      assertThat(r.protocols()).extracting(ProtocolSupport::protocol)
          .containsExactly("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1");
      assertThat(r.protocols()).allMatch(p -> p.support() == Support.ACCEPTED && p.note() == null);
    }
  }

  @Test
  void weak3desSuiteAccepted() throws IOException {
    Scenario scenario = Scenario.starttls(mx).protocols("TLSv1.2").cipherSuites(GCM, TRIPLE_DES).build();
    try (LabSmtpServer server = LabSmtpServer.start(scenario)) {
      SmtpProbeResult r = new SocketSmtpProbe(ProbeSettings.withWeakCiphers()).probe(server.address());

      assertThat(r.cipherSuite()).as("the main handshake offers no weak suite").isEqualTo(GCM);
      assertThat(r.weakCiphersAccepted()).containsExactly(TRIPLE_DES);
      assertThat(r.weakCiphersNote()).startsWith("offered ").contains("3DES", "export suites are gone");
      assertThat(server.connections()).as("main, 3DES accepted, the rest refused").isEqualTo(3);
      assertThat(server.handshakes()).containsExactly("TLSv1.2 " + GCM, "TLSv1.2 " + TRIPLE_DES,
          server.handshakes().get(2));
      assertThat(server.handshakes().get(2)).startsWith("failed:");
    }
  }

  @Test
  void twoWeakSuitesAcceptedOneByOne() throws IOException {
    Scenario scenario = Scenario.starttls(mx).protocols("TLSv1.2").cipherSuites(GCM, NULL_CIPHER, TRIPLE_DES).build();
    try (LabSmtpServer server = LabSmtpServer.start(scenario)) {
      SmtpProbeResult r = new SocketSmtpProbe(ProbeSettings.withWeakCiphers()).probe(server.address());
      assertThat(r.weakCiphersAccepted()).containsExactlyInAnyOrder(TRIPLE_DES, NULL_CIPHER);
      assertThat(server.connections()).isEqualTo(4);
    }
  }

  @Test
  void strongServerRefusesEveryWeakSuiteInOneConversation() throws IOException {
    // The test JVM's defaults include 3DES (LegacyTls), so a strong server names its suites.
    String[] strong = TlsOffer.strongSuites().toArray(String[]::new);
    try (LabSmtpServer server = LabSmtpServer.start(Scenario.starttls(mx).cipherSuites(strong).build())) {
      SmtpProbeResult r = new SocketSmtpProbe(ProbeSettings.withWeakCiphers()).probe(server.address());
      assertThat(r.weakCiphersAccepted()).isEmpty();
      assertThat(r.weakCiphersNote()).doesNotContain("stopped");
      assertThat(server.connections()).isEqualTo(2);
    }
  }

  @Test
  void noExtraHandshakesWithoutTls() throws IOException {
    try (LabSmtpServer server = LabSmtpServer.start(Scenario.plain().build())) {
      SmtpProbeResult r = new SocketSmtpProbe(SmtpSettings.DEFAULTS.withTimeouts(ProbeSettings.CONNECT,
          ProbeSettings.BANNER, ProbeSettings.COMMAND, ProbeSettings.TOTAL)).probe(server.address());
      assertThat(r.outcome()).isEqualTo(SmtpOutcome.NO_STARTTLS);
      assertThat(r.protocols()).isEmpty();
      assertThat(r.weakCiphersAccepted()).isEqualTo(List.of());
      assertThat(r.weakCiphersNote()).isNull();
      assertThat(server.connections()).isEqualTo(1);
    }
  }
}
