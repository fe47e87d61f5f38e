package io.mailsweep.net.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.net.smtp.ProtocolSupport.Support;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The version and weak-suite rounds with scripted conversations: no sockets. */
class ExtraHandshakesTest {
  private static final TlsSession MAIN = new TlsSession("TLSv1.3", "TLS_AES_128_GCM_SHA256", List.of());

  private final List<TlsOffer> offers = new ArrayList<>();

  @Test
  void versionsNotTestedOnceTheDeadlineHasPassed() throws InterruptedException {
    Deadline over = Deadline.after(Duration.ofMillis(1));
    Thread.sleep(5);
    List<ProtocolSupport> result = VersionProbe.run(record(outcome(SmtpOutcome.TLS)), over, MAIN);
    assertThat(result.get(0)).isEqualTo(new ProtocolSupport("TLSv1.3", Support.ACCEPTED, null));
    assertThat(result.subList(1, 4)).allMatch(p -> p.support() == Support.NOT_TESTED && p.note().contains("deadline"));
    assertThat(offers).isEmpty();
  }

  @Test
  void versionUntestableWhenTheConversationDidNotReachTheHandshake() {
    List<ProtocolSupport> result = VersionProbe.run(record(outcome(SmtpOutcome.TIMEOUT)), open(), MAIN);
    assertThat(result.get(1).support()).isEqualTo(Support.UNTESTABLE);
    assertThat(result.get(1).note()).isEqualTo("conversation ended TIMEOUT: scripted");
    assertThat(offers).extracting(TlsOffer::protocols)
        .containsExactly(List.of("TLSv1.2"), List.of("TLSv1.1"), List.of("TLSv1"));
  }

  @Test
  void weakRoundsStopAfterThreeAcceptedSuites() {
    Function<TlsOffer, Attempt> acceptFirst = offer -> {
      offers.add(offer);
      TlsSession s = new TlsSession("TLSv1.2", offer.suites().get(0), List.of());
      return new Attempt(SmtpOutcome.TLS, "220 x", true, s, s.summary());
    };
    WeakCipherProbe.Result r = WeakCipherProbe.run(acceptFirst, open());
    assertThat(r.accepted()).hasSize(WeakCipherProbe.MAX_HANDSHAKES).doesNotHaveDuplicates();
    assertThat(r.note()).endsWith("stopped after 3 accepted suites");
    assertThat(offers).allMatch(o -> o.suites().contains(TlsOffer.RENEGOTIATION_SCSV))
        .allMatch(o -> o.protocols().get(0).equals("TLSv1.2") && !o.protocols().contains("TLSv1.3"));
  }

  @Test
  void weakRoundStopsWhenTheConversationFails() {
    WeakCipherProbe.Result r = WeakCipherProbe.run(record(outcome(SmtpOutcome.IO_ERROR)), open());
    assertThat(r.accepted()).isEmpty();
    assertThat(r.note()).endsWith("stopped: conversation ended IO_ERROR: scripted");
    assertThat(offers).hasSize(1);
  }

  private Function<TlsOffer, Attempt> record(Attempt answer) {
    return offer -> {
      offers.add(offer);
      return answer;
    };
  }

  private static Attempt outcome(SmtpOutcome outcome) {
    return new Attempt(outcome, "220 x", true, null, "scripted");
  }

  private static Deadline open() {
    return Deadline.after(Duration.ofMinutes(1));
  }
}
