package io.mailsweep.net.access;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the lines of server responses one octet at a time, never past the end of a line, so that
 * nothing sent after a response (or the TLS handshake after a STARTTLS reply) is consumed with it.
 * A line ends with LF, a CR before it dropped (servers send bare LF). Bounded: a line may take at
 * most {@code maxLineLength} octets (line end included), one response at most {@code maxLines}
 * lines and {@code maxBytes} octets, from {@link #startResponse()} on. Octets that are not printable
 * ASCII come out as {@code ?}, a tab as a space. Over-long input throws {@link
 * AccessProtocolException}; the end of the stream throws {@link EOFException}. Not thread-safe.
 */
final class ResponseLines {
  private final InputStream in;
  private final int maxLineLength;
  private final int maxLines;
  private final int maxBytes;
  private int lines;
  private int bytes;

  ResponseLines(InputStream in, AccessSettings settings) {
    this.in = in;
    this.maxLineLength = settings.maxLineLength();
    this.maxLines = settings.maxResponseLines();
    this.maxBytes = settings.maxResponseBytes();
  }

  /** Starts counting a new response against the line and size limits. */
  void startResponse() {
    lines = 0;
    bytes = 0;
  }

  /** Whether the current response has begun: some octet of it has arrived. */
  boolean inResponse() {
    return bytes > 0;
  }

  /** The next line of the current response, without its line end. */
  String next() throws IOException {
    if (++lines > maxLines) {
      throw new AccessProtocolException("response longer than " + maxLines + " lines");
    }
    StringBuilder line = new StringBuilder();
    int lineBytes = 0;
    boolean cr = false;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException(bytes == 0
            ? "connection closed by the server"
            : "connection closed by the server in the middle of a response");
      }
      if (++bytes > maxBytes) {
        throw new AccessProtocolException("response longer than " + maxBytes + " octets");
      }
      if (++lineBytes > maxLineLength) {
        throw new AccessProtocolException("response line longer than " + maxLineLength + " octets");
      }
      if (b == '\n') {
        return line.toString();
      }
      if (cr) {
        line.append('?');
      }
      cr = b == '\r';
      if (!cr) {
        line.append(b >= 0x20 && b < 0x7f ? (char) b : b == '\t' ? ' ' : '?');
      }
    }
  }
}
