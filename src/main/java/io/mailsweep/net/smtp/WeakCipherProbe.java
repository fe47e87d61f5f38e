package io.mailsweep.net.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Which weak suites a server accepts: offer every weak suite this JVM can ({@link WeakSuites});
 * when the server picks one, record it and offer the rest again, at most {@link #MAX_HANDSHAKES}
 * times. A server that refuses them all costs one conversation.
 */
final class WeakCipherProbe {
  /** Handshakes per server: enough to show the problem, few enough to stay polite. */
  static final int MAX_HANDSHAKES = 3;

  /** @param note what was offered and, if the test stopped early, why */
  record Result(List<String> accepted, String note) {
    Result {
      accepted = List.copyOf(accepted);
    }
  }

  private WeakCipherProbe() {}

  static Result run(Function<TlsOffer, Attempt> converse, Deadline deadline) {
    List<String> remaining = new ArrayList<>(WeakSuites.offerable());
    List<String> accepted = new ArrayList<>();
    for (int round = 0; round < MAX_HANDSHAKES && !remaining.isEmpty(); round++) {
      if (deadline.expired()) {
        return result(accepted, "stopped: probe deadline reached");
      }
      Attempt attempt = converse.apply(TlsOffer.weak(remaining));
      if (attempt.outcome() == SmtpOutcome.HANDSHAKE_FAILED) {
        return result(accepted, null);
      }
      if (attempt.outcome() != SmtpOutcome.TLS) {
        return result(accepted, "stopped: conversation ended " + attempt.outcome() + ": " + attempt.detail());
      }
      accepted.add(attempt.tls().cipherSuite());
      remaining.remove(attempt.tls().cipherSuite());
    }
    return result(accepted, remaining.isEmpty() ? null : "stopped after " + MAX_HANDSHAKES + " accepted suites");
  }

  private static Result result(List<String> accepted, String stopped) {
    String note = WeakSuites.note();
    return new Result(accepted, stopped == null ? note : note + "; " + stopped);
  }
}
