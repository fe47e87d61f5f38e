package io.mailsweep.net.access;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Message submission (RFC 6409, over SMTP, RFC 5321) up to STARTTLS: the 220 greeting (§3.1),
 * EHLO (§4.1.1.1), STARTTLS (RFC 3207 §4) and QUIT (§4.1.1.10). Replies follow §4.2.1: a
 * three-digit code on every line, a hyphen after it on all lines but the last.
 */
final class SubmissionDialect implements Dialect {
  private final Channel channel;
  private final String ehloName;

  SubmissionDialect(Channel channel, String ehloName) {
    this.channel = channel;
    this.ehloName = ehloName;
  }

  /** One whole reply: its code and the text of each line after the code and separator. */
  private record SmtpLines(int code, String firstLine, List<String> texts) {}

  @Override
  public Reply greeting() throws IOException {
    channel.awaitGreeting();
    SmtpLines greeting = reply();
    return new Reply(greeting.code() == 220, greeting.firstLine());
  }

  @Override
  public Capabilities capabilities() throws IOException {
    channel.send(AccessStep.CAPABILITIES, "EHLO " + ehloName);
    SmtpLines ehlo = reply();
    if (ehlo.code() != 250) {
      return Capabilities.submission(List.of(), "a refused EHLO (" + Dialect.quote(ehlo.firstLine()) + ")");
    }
    return Capabilities.submission(ehlo.texts().subList(1, ehlo.texts().size()), "the EHLO reply");
  }

  @Override
  public Reply startTls() throws IOException {
    channel.send(AccessStep.STARTTLS, "STARTTLS");
    SmtpLines ready = reply();
    return new Reply(ready.code() == 220, ready.firstLine());
  }

  @Override
  public void close() throws IOException {
    channel.send(AccessStep.CLOSE, "QUIT");
    reply();
  }

  private SmtpLines reply() throws IOException {
    List<String> texts = new ArrayList<>();
    String first = null;
    int code = -1;
    while (true) {
      String line = channel.line();
      first = first == null ? line : first;
      if (line.length() < 3 || !line.substring(0, 3).matches("[2-5][0-9][0-9]")) {
        throw new AccessProtocolException("malformed reply code: " + Dialect.quote(line));
      }
      int lineCode = Integer.parseInt(line.substring(0, 3));
      if (code >= 0 && lineCode != code) {
        throw new AccessProtocolException("reply mixes codes " + code + " and " + lineCode);
      }
      code = lineCode;
      char separator = line.length() > 3 ? line.charAt(3) : ' ';
      if (separator != ' ' && separator != '-') {
        throw new AccessProtocolException("no space or hyphen after reply code " + code);
      }
      texts.add(line.length() > 4 ? line.substring(4) : "");
      if (separator == ' ') {
        return new SmtpLines(code, first, texts);
      }
    }
  }
}
