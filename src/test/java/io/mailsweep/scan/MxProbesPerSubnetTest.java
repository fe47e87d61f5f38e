package io.mailsweep.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.transport.ServerProbe;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.CidrRange;
import io.mailsweep.net.TargetPolicy;
import io.mailsweep.net.smtp.SmtpOutcome;
import io.mailsweep.net.smtp.SmtpSettings;
import io.mailsweep.net.smtp.SocketSmtpProbe;
import io.mailsweep.testing.smtp.LabSmtpServer;
import io.mailsweep.testing.smtp.LabSmtpServer.Busy;
import io.mailsweep.testing.smtp.Scenario;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --smtp-per-subnet} against lab SMTP servers with slow greetings on loopback: eight mail
 * servers in 127.0.45.0/24 and one in 127.0.46.0/24, a cap of two and a pool of three threads, so
 * the other /24 gets its probe at once only if the farm's waiting probes hold no thread. The servers'
 * own accept and command times show how many connections into each /24 were busy at once.
 */
class MxProbesPerSubnetTest {
  private static final int CAP = 2;
  private static final DomainName MX = DomainName.of("mx.farm.test");
  /** About 35 octets of greeting at 15 ms each: half a second per probe. */
  private static final Scenario SLOW_BANNER = Scenario.plain().drip(Duration.ofMillis(15)).build();

  private final List<LabSmtpServer> farm = new ArrayList<>();
  private final ExecutorService pool = Executors.newFixedThreadPool(CAP + 1);
  private LabSmtpServer elsewhere;

  @AfterEach
  void stop() {
    farm.forEach(LabSmtpServer::close);
    if (elsewhere != null) {
      elsewhere.close();
    }
    pool.shutdownNow();
  }

  /** The most spans that overlap one another at any moment. */
  private static int mostAtOnce(List<Busy> spans) {
    int most = 0;
    for (Busy span : spans) {
      int atItsStart = (int) spans.stream()
          .filter(o -> o.accepted() <= span.accepted() && span.accepted() < o.lastCommand())
          .count();
      most = Math.max(most, atItsStart);
    }
    return most;
  }

  @Test
  void oneSubnetGetsAtMostTheCapAtOnceWhileAnotherIsNotHeldUp() throws Exception {
    LabSmtpServer first = LabSmtpServer.start(SLOW_BANNER, new InetSocketAddress("127.0.45.1", 0));
    int port = first.address().getPort();
    farm.add(first);
    for (int i = 2; i <= 8; i++) {
      farm.add(LabSmtpServer.start(SLOW_BANNER, new InetSocketAddress("127.0.45." + i, port)));
    }
    elsewhere = LabSmtpServer.start(SLOW_BANNER, new InetSocketAddress("127.0.46.1", port));
    SmtpSettings smtp = SmtpSettings.DEFAULTS.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5),
        Duration.ofSeconds(2), Duration.ofSeconds(10));
    MxProbes probes = new MxProbes(new SocketSmtpProbe(smtp),
        TargetPolicy.only(List.of(CidrRange.parse("127.0.45.0/24"), CidrRange.parse("127.0.46.0/24"))), port,
        pool, 100, CAP);

    List<CompletableFuture<ServerProbe>> asked = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      asked.add(probes.probe(MX, "127.0.45." + i));
    }
    asked.add(probes.probe(MX, "127.0.46.1"));
    CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

    assertThat(asked).extracting(f -> f.join().result().outcome()).containsOnly(SmtpOutcome.NO_STARTTLS);
    List<Busy> inFarm = farm.stream().flatMap(s -> s.busy().stream()).toList();
    assertThat(inFarm).hasSize(8);
    assertThat(mostAtOnce(inFarm)).as("connections busy at once in 127.0.45.0/24").isEqualTo(CAP);
    List<Busy> byStart = inFarm.stream().sorted(Comparator.comparingLong(Busy::accepted)).toList();
    Busy other = elsewhere.busy().get(0);
    assertThat(other.accepted()).as("127.0.46.1 accepted before the farm's third connection: not held up")
        .isLessThan(byStart.get(CAP).accepted());
  }
}
