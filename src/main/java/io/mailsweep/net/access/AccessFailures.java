package io.mailsweep.net.access;

import static io.mailsweep.net.ExceptionText.causedBy;
import static io.mailsweep.net.ExceptionText.connectError;
import static io.mailsweep.net.ExceptionText.message;

import io.mailsweep.net.smtp.Deadline;
import io.mailsweep.net.smtp.TimedSocket;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * The one place where what went wrong in an access conversation becomes an outcome and a detail:
 * by the step that was running and the kind of failure. Timeouts are recognised by the socket's own
 * record first, because JSSE may wrap a timed-out read in an {@link SSLException}. A server that
 * hangs up before the first octet of its greeting has refused the client; hanging up later, or
 * anything else unexpected from the stream, is a protocol error.
 */
final class AccessFailures {
  private AccessFailures() {}

  /** The outcome and detail of {@code e}, thrown while {@code socket} was in its current step. */
  static Failure map(Exception e, TimedSocket<AccessStep> socket, AccessProtocol protocol, boolean inResponse) {
    AccessStep step = socket.step();
    String waitingFor = waitingFor(step, protocol);
    if (step == AccessStep.CONNECT) {
      boolean refused = e instanceof ConnectException && message(e).toLowerCase(Locale.ROOT).contains("refused");
      if (e instanceof SocketTimeoutException) {
        return new Failure(AccessOutcome.TIMEOUT, timedOut(socket, waitingFor));
      }
      return new Failure(AccessOutcome.CONNECT_FAILED, refused ? "connection refused"
          : connectError(e));
    }
    if (socket.timedOut() || causedBy(e, SocketTimeoutException.class)) {
      return new Failure(AccessOutcome.TIMEOUT, timedOut(socket, waitingFor));
    }
    if (e instanceof AccessProtocolException) {
      return new Failure(AccessOutcome.PROTOCOL_ERROR, waitingFor + ": " + message(e));
    }
    if (step == AccessStep.HANDSHAKE && (e instanceof SSLException || e instanceof RuntimeException)) {
      return new Failure(AccessOutcome.HANDSHAKE_FAILED, "TLS handshake failed: " + message(e));
    }
    if (e instanceof RuntimeException r) {
      throw r;
    }
    if (e instanceof EOFException && step == AccessStep.GREETING && !inResponse) {
      return new Failure(AccessOutcome.REJECTED, "connection closed by the server before its greeting");
    }
    if (e instanceof EOFException) {
      return new Failure(AccessOutcome.PROTOCOL_ERROR, "connection closed by the server "
          + (inResponse ? "in the middle of " : "while waiting for ") + waitingFor);
    }
    return new Failure(AccessOutcome.PROTOCOL_ERROR, message(e) + " while waiting for " + waitingFor);
  }

  /** An outcome other than TLS, with its one-line detail. */
  record Failure(AccessOutcome outcome, String detail) {}

  /** What the step waits for, in the protocol's words: "the CAPA response". */
  static String waitingFor(AccessStep step, AccessProtocol protocol) {
    return switch (step) {
      case CAPABILITIES -> switch (protocol) {
        case IMAP -> "the CAPABILITY response";
        case POP3 -> "the CAPA response";
        case SUBMISSION -> "the EHLO reply";
      };
      case STARTTLS -> protocol == AccessProtocol.POP3 ? "the STLS response" : step.waitingFor();
      case CLOSE -> protocol == AccessProtocol.IMAP ? "the LOGOUT response" : "the QUIT reply";
      default -> step.waitingFor();
    };
  }

  private static String timedOut(TimedSocket<AccessStep> socket, String waitingFor) {
    if (socket.cutByDeadline()) {
      return "probe deadline reached while waiting for " + waitingFor;
    }
    String within = " within " + Deadline.words(socket.stepTimeout());
    return switch (socket.step()) {
      case CONNECT -> "no connection" + within;
      case GREETING -> "greeting not received" + within;
      case HANDSHAKE -> "TLS handshake not finished" + within;
      default -> "no complete " + waitingFor.substring("the ".length()) + within;
    };
  }
}
