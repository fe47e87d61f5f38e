package io.mailsweep.testing.https;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link LabHttpsServer} answers to one request, misbehaviour included.
 *
 * @param headers extra header lines, {@code Name: value}; Content-Length or Transfer-Encoding is
 *     added by the framing
 */
public record Reply(int status, String reason, String contentType, List<String> headers, byte[] body, Framing framing) {
  /** How the body is sent, or what the server does instead. */
  public enum Framing {
    CONTENT_LENGTH,
    /** Chunks of {@link #CHUNK} bytes and the last chunk (RFC 9112 §7.1). */
    CHUNKED,
    /** No length: the body, then the server closes. */
    CLOSE,
    /** No length, and body bytes forever until the client goes away. */
    ENDLESS,
    /** The request is read and never answered; the connection stays open until the client closes it. */
    SILENT
  }

  static final int CHUNK = 7;

  public Reply {
    headers = List.copyOf(headers);
    body = body.clone();
  }

  /** 200 with a text/plain policy and its Content-Length. */
  public static Reply policy(String text) {
    return new Reply(200, "OK", "text/plain", List.of(), text.getBytes(StandardCharsets.UTF_8), Framing.CONTENT_LENGTH);
  }

  /** 200 with binary data as application/octet-stream and its Content-Length. */
  public static Reply binary(byte[] data) {
    return new Reply(200, "OK", "application/octet-stream", List.of(), data, Framing.CONTENT_LENGTH);
  }

  /** A status with a short text body, e.g. 404 Not Found. */
  public static Reply status(int status, String reason) {
    return new Reply(status, reason, "text/plain", List.of(), (status + " " + reason).getBytes(StandardCharsets.UTF_8),
        Framing.CONTENT_LENGTH);
  }

  public static Reply redirect(int status, String location) {
    return new Reply(status, "Moved", "text/html", List.of("Location: " + location), new byte[0],
        Framing.CONTENT_LENGTH);
  }

  public static Reply endless() {
    return new Reply(200, "OK", "text/plain", List.of(), new byte[0], Framing.ENDLESS);
  }

  public static Reply silent() {
    return new Reply(200, "OK", "text/plain", List.of(), new byte[0], Framing.SILENT);
  }

  public Reply contentType(String type) {
    return new Reply(status, reason, type, headers, body, framing);
  }

  public Reply framing(Framing how) {
    return new Reply(status, reason, contentType, headers, body, how);
  }

  public Reply header(String line) {
    List<String> more = new ArrayList<>(headers);
    more.add(line);
    return new Reply(status, reason, contentType, more, body, framing);
  }

  /** The status line and headers, ending with the empty line. */
  byte[] head() {
    StringBuilder s = new StringBuilder("HTTP/1.1 " + status + " " + reason + "\r\n");
    if (contentType != null) {
      s.append("Content-Type: ").append(contentType).append("\r\n");
    }
    headers.forEach(h -> s.append(h).append("\r\n"));
    if (framing == Framing.CONTENT_LENGTH) {
      s.append("Content-Length: ").append(body.length).append("\r\n");
    } else if (framing == Framing.CHUNKED) {
      s.append("Transfer-Encoding: chunked\r\n");
    }
    s.append("Connection: close\r\n\r\n");
    return s.toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
