package io.mailsweep.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.ScanTarget;
import io.mailsweep.check.Status;
import io.mailsweep.check.starttls.StartTlsCheck;
import io.mailsweep.check.transport.CertificateEvaluator;
import io.mailsweep.check.transport.CertificateSettings;
import io.mailsweep.check.transport.ServerProbe.Skip;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.CidrRange;
import io.mailsweep.net.TargetPolicy;
import io.mailsweep.net.smtp.SmtpSettings;
import io.mailsweep.net.smtp.SocketSmtpProbe;
import io.mailsweep.net.tls.TrustMaterial;
import io.mailsweep.testing.dns.LabDns;
import io.mailsweep.testing.smtp.LabSmtpServer;
import io.mailsweep.testing.smtp.Scenario;
import io.mailsweep.testing.tls.TestCa;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-of-run port-25 canary against the lab: a canary host that answers opens the way, one
 * that refuses means the port is blocked (and then no MX is ever probed), names that do not
 * resolve leave it unknown.
 */
class SmtpCanaryTest {
  static final TargetPolicy LAB = TargetPolicy.only(List.of(CidrRange.parse("127.0.27.0/24")));
  @TempDir static Path zones;
  static LabDns lab;
  static LabSmtpServer live;
  static LabSmtpServer mx;
  static SocketSmtpProbe probe;
  static int port;

  @BeforeAll
  static void start() throws Exception {
    live = LabSmtpServer.start(Scenario.plain().noStarttls().build(), new InetSocketAddress("127.0.27.1", 0));
    port = live.address().getPort();
    mx = LabSmtpServer.start(Scenario.starttls(TestCa.selfSigned("mx.vendor.canary.test")).build(),
        new InetSocketAddress("127.0.27.3", port));
    lab = LabDns.serve(zones, LabDns.zone("canary.test") + """
        smtp-open       IN A  127.0.27.1
        smtp-closed     IN A  127.0.27.2
        smtp-outside    IN A  127.0.99.1
        vendor          IN MX 10 mx.vendor
        mx.vendor       IN A  127.0.27.3
        """);
    probe = new SocketSmtpProbe(SmtpSettings.DEFAULTS.withTimeouts(Duration.ofMillis(500), Duration.ofMillis(500),
        Duration.ofMillis(500), Duration.ofSeconds(3)).withExtraHandshakes(false, false));
  }

  @AfterAll
  static void stop() {
    live.close();
    mx.close();
    lab.close();
  }

  private static List<DomainName> names(String... labels) {
    return java.util.Arrays.stream(labels).map(l -> DomainName.of(l + ".canary.test")).toList();
  }

  @Test
  void aCanaryThatAnswersMeansThePortIsOpen() {
    SmtpCanary.Reach reach = SmtpCanary.check(lab.dns(), probe, LAB, names("smtp-closed", "smtp-open"), port);
    assertThat(reach.state()).isEqualTo(SmtpCanary.State.OPEN);
    assertThat(reach.detail()).contains("smtp-open.canary.test", "answered");
  }

  @Test
  void noCanaryReachableMeansBlockedAndEveryProbeIsSkipped() {
    SmtpCanary.Reach reach = SmtpCanary.check(lab.dns(), probe, LAB, names("smtp-closed"), port);
    assertThat(reach.state()).isEqualTo(SmtpCanary.State.BLOCKED);
    assertThat(reach.detail()).contains("blocked", "127.0.27.2");

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      MxProbes probes = new MxProbes(probe, LAB, port, pool, 10);
      probes.skipAll(Skip.PORT_BLOCKED, "not tested: port " + port + " blocked from this network");
      StartTlsCheck check = new StartTlsCheck(lab.dns(), probes, new CertificateEvaluator(
          TrustMaterial.only(List.of()), CertificateSettings.DEFAULTS), Clock.systemUTC());
      int before = mx.connections();
      CheckResult r = check.run(ScanTarget.of(DomainName.of("vendor.canary.test"))).join();
      assertThat(r.status()).isEqualTo(Status.INCONCLUSIVE);
      assertThat(r.reason()).contains("port " + port + " blocked");
      assertThat(r.findings()).isEmpty();
      assertThat(mx.connections()).isEqualTo(before);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void canariesThatCannotBeResolvedOrContactedLeaveItUnknown() {
    SmtpCanary.Reach reach = SmtpCanary.check(lab.dns(), probe, LAB, names("nowhere", "smtp-outside"), port);
    assertThat(reach.state()).isEqualTo(SmtpCanary.State.UNKNOWN);
    assertThat(SmtpCanary.check(lab.dns(), probe, LAB, List.of(), port).state()).isEqualTo(SmtpCanary.State.OFF);
  }
}
