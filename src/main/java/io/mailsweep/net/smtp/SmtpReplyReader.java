package io.mailsweep.net.smtp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SMTP replies (RFC 5321 §4.2) one octet at a time, never past the end of the reply, so
 * that nothing the server sends after a reply is consumed with it. Grammar, §4.2.1:
 *
 * <pre>
 *   Reply-line = *( Reply-code "-" [ textstring ] CRLF ) Reply-code [ SP textstring ] CRLF
 * </pre>
 *
 * <p>Every line of one reply must carry the same code (§4.2.1). Lenient where servers are: a bare
 * LF ends a line like CRLF. Bounded: a line may hold at most {@code maxLineLength} octets (line end
 * included), a reply at most {@code maxLines} lines and {@code maxBytes} octets. Malformed or
 * over-long replies throw {@link SmtpProtocolException}; the end of the stream throws {@link
 * EOFException}. Not thread-safe; one reader per connection.
 */
final class SmtpReplyReader {
  private enum State {
    CODE,
    SEPARATOR,
    TEXT,
    CR
  }

  private final InputStream in;
  private final int maxLineLength;
  private final int maxLines;
  private final int maxBytes;

  private State state;
  private int code;
  private int lineCode;
  private int digits;
  private boolean lastLine;
  private int lineBytes;
  private int replyBytes;
  private final StringBuilder text = new StringBuilder();
  private final List<String> lines = new ArrayList<>();

  SmtpReplyReader(InputStream in, int maxLineLength, int maxLines, int maxBytes) {
    this.in = in;
    this.maxLineLength = maxLineLength;
    this.maxLines = maxLines;
    this.maxBytes = maxBytes;
  }

  SmtpReplyReader(InputStream in, SmtpSettings settings) {
    this(in, settings.maxLineLength(), settings.maxReplyLines(), settings.maxReplyBytes());
  }

  /** The next complete reply. */
  SmtpReply read() throws IOException {
    reset();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException(replyBytes == 0
            ? "connection closed by the server"
            : "connection closed by the server in the middle of a reply");
      }
      if (accept(b)) {
        return new SmtpReply(code, lines);
      }
    }
  }

  private void reset() {
    state = State.CODE;
    code = -1;
    lines.clear();
    replyBytes = 0;
    startLine();
  }

  private void startLine() {
    lineCode = 0;
    digits = 0;
    lineBytes = 0;
    text.setLength(0);
  }

  /** Takes one octet; true when it completed the reply. */
  private boolean accept(int b) throws SmtpProtocolException {
    if (++replyBytes > maxBytes) {
      throw new SmtpProtocolException("reply longer than " + maxBytes + " octets");
    }
    if (++lineBytes > maxLineLength) {
      throw new SmtpProtocolException("reply line longer than " + maxLineLength + " octets");
    }
    return switch (state) {
      case CODE -> digit(b);
      case SEPARATOR -> separator(b);
      case TEXT -> textOctet(b);
      case CR -> lineFeed(b);
    };
  }

  private boolean digit(int b) throws SmtpProtocolException {
    boolean valid = digits == 0 ? b >= '2' && b <= '5' : b >= '0' && b <= '9';
    if (!valid) {
      throw new SmtpProtocolException("malformed reply code on line " + (lines.size() + 1));
    }
    lineCode = lineCode * 10 + (b - '0');
    if (++digits == 3) {
      if (code >= 0 && lineCode != code) {
        throw new SmtpProtocolException("reply mixes codes " + code + " and " + lineCode);
      }
      code = lineCode;
      state = State.SEPARATOR;
    }
    return false;
  }

  private boolean separator(int b) throws SmtpProtocolException {
    switch (b) {
      case '-' -> lastLine = false;
      case ' ', '\r', '\n' -> lastLine = true;
      default -> throw new SmtpProtocolException("no space or hyphen after reply code " + code);
    }
    state = State.TEXT;
    return b == ' ' || b == '-' ? false : textOctet(b);
  }

  private boolean textOctet(int b) throws SmtpProtocolException {
    if (b == '\r') {
      state = State.CR;
      return false;
    }
    if (b == '\n') {
      return endLine();
    }
    text.append(b >= 0x20 && b < 0x7f ? (char) b : b == '\t' ? ' ' : '?');
    return false;
  }

  private boolean lineFeed(int b) throws SmtpProtocolException {
    if (b != '\n') {
      throw new SmtpProtocolException("carriage return without line feed in a reply");
    }
    return endLine();
  }

  private boolean endLine() throws SmtpProtocolException {
    lines.add(text.toString());
    if (lastLine) {
      return true;
    }
    if (lines.size() >= maxLines) {
      throw new SmtpProtocolException("reply longer than " + maxLines + " lines");
    }
    state = State.CODE;
    startLine();
    return false;
  }
}
