package io.mailsweep.net.https;

import java.time.Duration;

/**
 * Limits of the policy fetcher, all in one place.
 *
 * @param port the HTTPS port policies are fetched from: 443 (RFC 8461 §3.3); labs and tests set
 *     another
 * @param connectTimeout for the TCP connection
 * @param totalDeadline for the whole exchange (connect, handshake, request, response). RFC 8461
 *     §3.3 suggests senders time out within a minute; 20 s keeps batch scans moving
 * @param maxBodyBytes bodies longer than this are {@link FetchOutcome#TOO_LARGE}; RFC 8461 §3.3
 *     suggests 64 KiB
 * @param maxHeaderBytes bound of the status line and headers together, and of the chunk-size lines
 *     of a chunked body together
 * @param maxHeaders header fields accepted in one response head
 * @param userAgent the User-Agent header
 */
public record HttpsSettings(
    int port,
    Duration connectTimeout,
    Duration totalDeadline,
    int maxBodyBytes,
    int maxHeaderBytes,
    int maxHeaders,
    String userAgent) {

  /** A redirect's Location is kept up to this many characters, for the report. */
  public static final int MAX_LOCATION_CHARS = 256;

  /** Header values and server texts quoted in a detail line are cut to this many characters. */
  public static final int MAX_QUOTE_CHARS = 120;

  public static final HttpsSettings DEFAULTS = new HttpsSettings(PolicyRequest.DEFAULT_PORT, Duration.ofSeconds(10),
      Duration.ofSeconds(20), 65_536, 16_384, 100, "mailsweep");

  public HttpsSettings {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port);
    }
    if (connectTimeout.isNegative() || connectTimeout.isZero() || totalDeadline.compareTo(connectTimeout) < 0) {
      throw new IllegalArgumentException("timeouts must satisfy 0 < connectTimeout <= totalDeadline");
    }
    if (maxBodyBytes < 1 || maxHeaderBytes < 64 || maxHeaders < 1) {
      throw new IllegalArgumentException("size limits must be positive (maxHeaderBytes at least 64)");
    }
    if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < ' ' || c >= 0x7f)) {
      throw new IllegalArgumentException("userAgent must be printable ASCII");
    }
  }

  public HttpsSettings withPort(int newPort) {
    return new HttpsSettings(newPort, connectTimeout, totalDeadline, maxBodyBytes, maxHeaderBytes, maxHeaders,
        userAgent);
  }

  public HttpsSettings withDeadlines(Duration connect, Duration total) {
    return new HttpsSettings(port, connect, total, maxBodyBytes, maxHeaderBytes, maxHeaders, userAgent);
  }
}
