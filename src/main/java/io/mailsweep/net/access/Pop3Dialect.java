package io.mailsweep.net.access;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * POP3 (RFC 1939) up to STLS: the greeting ({@code +OK} or {@code -ERR}, §4), CAPA (RFC 2449 §5,
 * a multi-line response ended by a lone dot, dot-stuffed as RFC 1939 §3), STLS (RFC 2595 §4) and
 * QUIT (§6). Status indicators are matched in any case, as lenient servers' clients do.
 */
final class Pop3Dialect implements Dialect {
  private final Channel channel;

  Pop3Dialect(Channel channel) {
    this.channel = channel;
  }

  @Override
  public Reply greeting() throws IOException {
    channel.awaitGreeting();
    return status(channel.line(), "greeting");
  }

  @Override
  public Capabilities capabilities() throws IOException {
    channel.send(AccessStep.CAPABILITIES, "CAPA");
    Reply first = status(channel.line(), "CAPA response");
    if (!first.positive()) {
      return Capabilities.unknown("CAPA refused (" + Dialect.quote(first.line()) + ")");
    }
    List<String> lines = new ArrayList<>();
    for (String line = channel.line(); !line.equals("."); line = channel.line()) {
      lines.add(line.startsWith(".") ? line.substring(1) : line);
    }
    return Capabilities.pop3(lines, "the CAPA response");
  }

  @Override
  public Reply startTls() throws IOException {
    channel.send(AccessStep.STARTTLS, "STLS");
    return status(channel.line(), "STLS response");
  }

  @Override
  public void close() throws IOException {
    channel.send(AccessStep.CLOSE, "QUIT");
    channel.line();
  }

  private static Reply status(String line, String what) throws AccessProtocolException {
    if (startsWithIgnoringCase(line, "+OK")) {
      return new Reply(true, line);
    }
    if (startsWithIgnoringCase(line, "-ERR")) {
      return new Reply(false, line);
    }
    throw new AccessProtocolException("not a POP3 " + what + ": " + Dialect.quote(line));
  }

  private static boolean startsWithIgnoringCase(String line, String indicator) {
    return line.regionMatches(true, 0, indicator, 0, indicator.length())
        && (line.length() == indicator.length() || line.charAt(indicator.length()) == ' ');
  }
}
