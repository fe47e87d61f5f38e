package io.mailsweep.net.https;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads lines of a response head or chunked body: ended by LF, a CR before it dropped (RFC 9112
 * §2.2 lets recipients accept a bare LF). Never reads past the bound it is given.
 */
final class LineReader {
  private final InputStream in;
  private int consumed;

  LineReader(InputStream in) {
    this.in = in;
  }

  /**
   * The next line, without its terminator, as ISO-8859-1 text; null when the stream ends before
   * its first byte.
   *
   * @param max bytes this line may take, terminator included
   * @param what the line's role, for messages ("status line", "header field", "chunk size")
   * @param tooLong the message when the line does not fit in {@code max} bytes
   */
  String next(int max, String what, String tooLong) throws IOException, MalformedResponse {
    byte[] buf = new byte[Math.min(max, 256)];
    int n = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (n == 0) {
          return null;
        }
        throw new MalformedResponse("the connection closed inside the " + what);
      }
      consumed++;
      if (b == '\n') {
        int end = n > 0 && buf[n - 1] == '\r' ? n - 1 : n;
        return new String(buf, 0, end, StandardCharsets.ISO_8859_1);
      }
      if (n + 1 >= max) {
        throw new MalformedResponse(tooLong);
      }
      if (n == buf.length) {
        buf = Arrays.copyOf(buf, Math.min(max, buf.length * 2));
      }
      buf[n++] = (byte) b;
    }
  }

  /** Bytes taken from the stream so far, terminators included. */
  int consumed() {
    return consumed;
  }
}
