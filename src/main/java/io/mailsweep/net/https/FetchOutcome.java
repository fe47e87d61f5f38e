package io.mailsweep.net.https;

/**
 * How one policy fetch ended. {@link #conclusive()} separates "the server answered and this is
 * what every sender gets" from "could not test" (no connection, or a deadline passed).
 */
public enum FetchOutcome {
  /** 200 with a text/plain body within the size limit. */
  OK(true),
  /** A final status other than 200 and not a redirect (RFC 8461 §3.3 requires 200). */
  HTTP_STATUS(true),
  /** A 3xx status; never followed (RFC 8461 §3.3). */
  REDIRECT(true),
  /** 200, but the media type is not text/plain or is missing (RFC 8461 §3.2). */
  WRONG_CONTENT_TYPE(true),
  /** The body is longer than the configured limit (RFC 8461 §3.3 suggests 64 KiB). */
  TOO_LARGE(true),
  /** The TLS handshake failed, or the certificate is untrusted, expired or for another name. */
  TLS_FAILED(true),
  /** The server's bytes are not HTTP/1.1, or a head or chunk limit was exceeded. */
  PROTOCOL_ERROR(true),
  /** No connection (refused, unreachable), or the connection broke (reset). */
  CONNECT_FAILED(false),
  /** The connect timeout or the whole exchange's deadline passed. */
  TIMEOUT(false);

  private final boolean conclusive;

  FetchOutcome(boolean conclusive) {
    this.conclusive = conclusive;
  }

  /** True when the outcome describes the server; false when the fetch could not test it. */
  public boolean conclusive() {
    return conclusive;
  }
}
