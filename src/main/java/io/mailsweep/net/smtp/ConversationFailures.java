package io.mailsweep.net.smtp;

import static io.mailsweep.net.ExceptionText.causedBy;
import static io.mailsweep.net.ExceptionText.connectError;
import static io.mailsweep.net.ExceptionText.message;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * The one place where what went wrong in a conversation becomes an outcome: by the step that was
 * running and the kind of failure. Timeouts are recognised by the socket's own record first,
 * because JSSE may wrap a timed-out read in an {@link SSLException}.
 */
final class ConversationFailures {
  private ConversationFailures() {}

  static Attempt map(Exception e, TimedSocket<Step> socket, String banner, boolean advertised) {
    Step step = socket.step();
    SmtpOutcome outcome;
    String detail;
    if (step == Step.CONNECT) {
      boolean refused = e instanceof ConnectException && message(e).toLowerCase(Locale.ROOT).contains("refused");
      boolean slow = e instanceof SocketTimeoutException;
      outcome = refused ? SmtpOutcome.CONNECT_REFUSED : slow ? SmtpOutcome.CONNECT_TIMEOUT : SmtpOutcome.IO_ERROR;
      detail = refused ? "connection refused" : slow ? timedOut(socket) : connectError(e);
    } else if (socket.timedOut() || causedBy(e, SocketTimeoutException.class)) {
      outcome = step == Step.BANNER ? SmtpOutcome.BANNER_TIMEOUT : SmtpOutcome.TIMEOUT;
      detail = timedOut(socket);
    } else if (e instanceof SmtpProtocolException) {
      outcome = SmtpOutcome.PROTOCOL_ERROR;
      detail = step.waitingFor() + ": " + message(e);
    } else if (step == Step.HANDSHAKE && (e instanceof SSLException || e instanceof RuntimeException)) {
      outcome = SmtpOutcome.HANDSHAKE_FAILED;
      detail = "TLS handshake failed: " + message(e);
    } else if (e instanceof RuntimeException r) {
      throw r;
    } else if (e instanceof EOFException) {
      outcome = SmtpOutcome.IO_ERROR;
      detail = "connection closed by the server while waiting for " + step.waitingFor();
    } else {
      outcome = SmtpOutcome.IO_ERROR;
      detail = message(e) + " while waiting for " + step.waitingFor();
    }
    return new Attempt(outcome, banner, advertised, null, detail);
  }

  private static String timedOut(TimedSocket<Step> socket) {
    Step step = socket.step();
    if (socket.cutByDeadline()) {
      return "probe deadline reached while waiting for " + step.waitingFor();
    }
    String within = " within " + Deadline.words(socket.stepTimeout());
    return switch (step) {
      case CONNECT -> "no connection" + within;
      case BANNER -> "banner not received" + within;
      case HANDSHAKE -> "TLS handshake not finished" + within;
      default -> "no complete reply to " + step.name() + within;
    };
  }
}
