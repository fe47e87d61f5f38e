package io.mailsweep.net.https;

import java.nio.charset.StandardCharsets;
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
 * @param bytes the body as received, for binary resources; only for {@link FetchOutcome#OK}, else
 *     null. Copied in and out; it takes no part in {@code equals}, which compares it by identity
 */
public record FetchResult(
    FetchOutcome outcome, int status, String contentType, String body, String location, String detail, long millis,
    byte[] bytes) {

  public FetchResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(detail, "detail");
    if ((body != null) != (outcome == FetchOutcome.OK) || (bytes != null) != (outcome == FetchOutcome.OK)) {
      throw new IllegalArgumentException("a body comes with OK and only with OK");
    }
    bytes = bytes == null ? null : bytes.clone();
  }

  /** A result whose bytes are the UTF-8 encoding of {@code body}. */
  public FetchResult(
      FetchOutcome outcome, int status, String contentType, String body, String location, String detail, long millis) {
    this(outcome, status, contentType, body, location, detail, millis,
        body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  /** A fetch that ended without a usable response. */
  public static FetchResult failure(FetchOutcome outcome, String detail) {
    return new FetchResult(outcome, 0, null, null, null, detail, 0);
  }

  /** A copy of the body's bytes, or null when the outcome is not OK. */
  @Override
  public byte[] bytes() {
    return bytes == null ? null : bytes.clone();
  }

  public FetchResult withMillis(long elapsed) {
    return new FetchResult(outcome, status, contentType, body, location, detail, elapsed, bytes);
  }

  /** One line for evidence, e.g. {@code OK (HTTP 200, text/plain, 93 bytes) in 12 ms}. */
  public String describe() {
    return outcome + " (" + detail + ") in " + millis + " ms";
  }
}
