package io.mailsweep.net.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.net.smtp.ProtocolSupport.Support;
import io.mailsweep.testing.smtp.FullBacklog;
import io.mailsweep.testing.smtp.LabSmtpServer;
import io.mailsweep.testing.smtp.Scenario;
import io.mailsweep.testing.smtp.Scenario.AfterReady;
import io.mailsweep.testing.tls.HeldCertificate;
import io.mailsweep.testing.tls.TestCa;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Slow and silent servers cost at most the step's timeout or the probe's deadline. */
class SocketSmtpProbeTimeoutTest {
  /** Scheduling slack on a busy two-core machine. */
  private static final Duration MARGIN = Duration.ofMillis(400);

  private static HeldCertificate mx;

  @BeforeAll
  static void mint() {
    mx = TestCa.create("Lab CA").issue("mx1.test");
  }

  @Test
  void tarpitCostsTheBannerTimeout() throws IOException {
    try (LabSmtpServer server = LabSmtpServer.start(Scenario.starttls(mx).tarpit().build())) {
      SmtpProbeResult r = new SocketSmtpProbe(ProbeSettings.mainOnly()).probe(server.address());
      assertThat(r.outcome()).isEqualTo(SmtpOutcome.BANNER_TIMEOUT);
      assertThat(r.outcome().tested()).isFalse();
      assertThat(r.detail()).isEqualTo("banner not received within 500 ms");
      assertThat(r.banner()).isNull();
      assertThat(r.millis()).isBetween(ProbeSettings.BANNER.toMillis() - 50, within(ProbeSettings.BANNER));
      assertThat(server.commands()).isEmpty();
    }
  }

  @Test
  void dripFeedingAByteAtATimeStillCostsOnlyTheBannerTimeout() throws IOException {
    Scenario drip = Scenario.starttls(mx).drip(Duration.ofMillis(60)).build();
    try (LabSmtpServer server = LabSmtpServer.start(drip)) {
      SmtpProbeResult r = new SocketSmtpProbe(ProbeSettings.mainOnly()).probe(server.address());
      assertThat(r.outcome()).isEqualTo(SmtpOutcome.BANNER_TIMEOUT);
      assertThat(r.millis()).isLessThan(within(ProbeSettings.BANNER));
    }
  }

  @Test
  void theTotalDeadlineCutsALongerStep() throws IOException {
    Duration total = Duration.ofMillis(700);
    SmtpSettings patient = ProbeSettings.mainOnly()
        .withTimeouts(ProbeSettings.CONNECT, Duration.ofSeconds(20), ProbeSettings.COMMAND, total);
    try (LabSmtpServer server = LabSmtpServer.start(Scenario.starttls(mx).drip(Duration.ofMillis(50)).build())) {
      SmtpProbeResult r = new SocketSmtpProbe(patient).probe(server.address());
      assertThat(r.outcome()).isEqualTo(SmtpOutcome.BANNER_TIMEOUT);
      assertThat(r.detail()).isEqualTo("probe deadline reached while waiting for the banner");
      assertThat(r.millis()).isBetween(total.toMillis() - 50, within(total));
    }
  }

  @Test
  void serverSilentAfterReadyTimesOutTheHandshake() throws IOException {
    try (LabSmtpServer server = LabSmtpServer.start(Scenario.starttls(mx).afterReady(AfterReady.STALL).build())) {
      SmtpProbeResult r = new SocketSmtpProbe(ProbeSettings.mainOnly()).probe(server.address());
      assertThat(r.outcome()).isEqualTo(SmtpOutcome.TIMEOUT);
      assertThat(r.detail()).isEqualTo("TLS handshake not finished within 800 ms");
      assertThat(r.starttlsAdvertised()).isTrue();
      assertThat(r.millis()).isLessThan(within(ProbeSettings.COMMAND));
      assertThat(server.connections()).as("a timeout is not a failed handshake: no fallback").isEqualTo(1);
    }
  }

  @Test
  void handshakeDrippedAByteAtATimeCostsOnlyTheCommandTimeout() throws IOException {
    // Each octet comes well within any socket timeout: only the step's end can stop this.
    Scenario drip = Scenario.starttls(mx).dripHandshake(Duration.ofMillis(40)).build();
    try (LabSmtpServer server = LabSmtpServer.start(drip)) {
      SmtpProbeResult r = new SocketSmtpProbe(ProbeSettings.mainOnly()).probe(server.address());
      assertThat(r.outcome()).isEqualTo(SmtpOutcome.TIMEOUT);
      assertThat(r.detail()).isEqualTo("TLS handshake not finished within 800 ms");
      assertThat(r.millis()).isLessThan(within(ProbeSettings.COMMAND));
    }
  }

  @Test
  void silentPortIsAConnectTimeout() throws IOException {
    try (FullBacklog silent = FullBacklog.open()) {
      SmtpProbeResult r = new SocketSmtpProbe(ProbeSettings.mainOnly()).probe(silent.address());
      assertThat(r.outcome()).isEqualTo(SmtpOutcome.CONNECT_TIMEOUT);
      assertThat(r.detail()).isEqualTo("no connection within 500 ms");
      assertThat(r.millis()).isLessThan(within(ProbeSettings.CONNECT));
    }
  }

  @Test
  void extraHandshakesStayWithinTheDeadline() throws IOException {
    Duration total = Duration.ofMillis(900);
    SmtpSettings tight = SmtpSettings.DEFAULTS
        .withTimeouts(ProbeSettings.CONNECT, ProbeSettings.BANNER, ProbeSettings.COMMAND, total);
    // About 330 ms of greeting per conversation: the main one fits, the six extra ones cannot.
    Scenario slowEachTime = Scenario.starttls(mx).drip(Duration.ofMillis(10)).build();
    try (LabSmtpServer server = LabSmtpServer.start(slowEachTime)) {
      SmtpProbeResult r = new SocketSmtpProbe(tight).probe(server.address());
      assertThat(r.outcome()).isEqualTo(SmtpOutcome.TLS);
      assertThat(r.millis()).isLessThan(within(total));
      assertThat(r.protocols()).hasSize(4).first().isEqualTo(new ProtocolSupport("TLSv1.3", Support.ACCEPTED, null));
      boolean versionsCut = r.protocols().stream()
          .anyMatch(p -> p.support() == Support.NOT_TESTED || p.support() == Support.UNTESTABLE);
      assertThat(versionsCut || r.weakCiphersNote().contains("stopped: probe deadline reached")).isTrue();
    }
  }

  private static long within(Duration limit) {
    return limit.plus(MARGIN).toMillis();
  }
}
