package io.mailsweep.net.https;

/**
 * The server's bytes broke HTTP/1.1 or a limit of the head. Thrown inside the response readers
 * only; {@link ResponseReader} turns it into a {@link FetchOutcome#PROTOCOL_ERROR} result.
 */
final class MalformedResponse extends Exception {
  private static final long serialVersionUID = 1L;

  MalformedResponse(String message) {
    super(message, null, false, false);
  }
}
