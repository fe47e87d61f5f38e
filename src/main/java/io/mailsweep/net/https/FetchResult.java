package io.mailsweep.net.https;

import java.util.Objects;

/**
 * What one fetch got.
 *
 * @param status the final HTTP status; 0 when no status line arrived
 * @param contentType the Content-Type header as sent, bounded; null when absent or not reached
 * @param body the body decoded as UTF-8; only for {@link FetchOutcome#OK}, else null
 * @param location the Location header of a redirect, bounded; only for {@link FetchOutcome#REDIRECT}
 * @param detail one line for the report: what was received, or which step failed and how
 * @param millis wall time of the whole exchange, connect included
 */
public record FetchResult(
    FetchOutcome outcome, int status, String contentType, String body, String location, String detail, long millis) {

  public FetchResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(detail, "detail");
    if ((body != null) != (outcome == FetchOutcome.OK)) {
      throw new IllegalArgumentException("a body comes with OK and only with OK");
    }
  }

  /** A fetch that ended without a usable response. */
  public static FetchResult failure(FetchOutcome outcome, String detail) {
    return new FetchResult(outcome, 0, null, null, null, detail, 0);
  }

  public FetchResult withMillis(long elapsed) {
    return new FetchResult(outcome, status, contentType, body, location, detail, elapsed);
  }

  /** One line for evidence, e.g. {@code OK (HTTP 200, text/plain, 93 bytes) in 12 ms}. */
  public String describe() {
    return outcome + " (" + detail + ") in " + millis + " ms";
  }
}
