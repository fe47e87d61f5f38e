package io.mailsweep.net.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The reply grammar of RFC 5321 §4.2.1 and the reader's bounds, case by case. */
class SmtpReplyReaderTest {
  private static final int LINE = 40;
  private static final int LINES = 5;
  private static final int BYTES = 120;

  static Stream<Arguments> replies() {
    return Stream.of(
        Arguments.of("220 mx.test ESMTP\r\n", 220, List.of("mx.test ESMTP")),
        Arguments.of("250-mx.test\r\n250-PIPELINING\r\n250 STARTTLS\r\n", 250,
            List.of("mx.test", "PIPELINING", "STARTTLS")),
        Arguments.of("250-mx.test\n250 STARTTLS\n", 250, List.of("mx.test", "STARTTLS")),
        Arguments.of("250-mx.test\r\n250 STARTTLS\n", 250, List.of("mx.test", "STARTTLS")),
        Arguments.of("250\r\n", 250, List.of("")),
        Arguments.of("221\n", 221, List.of("")),
        Arguments.of("250-\r\n250 end\r\n", 250, List.of("", "end")),
        Arguments.of("554 no\tthanks \u0001\u00e9\r\n", 554, List.of("no thanks ??")),
        Arguments.of("421 4.3.2 busy\r\n", 421, List.of("4.3.2 busy")),
        Arguments.of("250 " + "x".repeat(LINE - 6) + "\r\n", 250, List.of("x".repeat(LINE - 6))),
        Arguments.of("250-a\r\n".repeat(LINES - 1) + "250 b\r\n", 250,
            Stream.concat(Stream.generate(() -> "a").limit(LINES - 1), Stream.of("b")).toList()));
  }

  @ParameterizedTest
  @MethodSource("replies")
  void readsWellFormedReplies(String wire, int code, List<String> lines) throws IOException {
    SmtpReply reply = reader(wire).read();
    assertThat(reply.code()).isEqualTo(code);
    assertThat(reply.lines()).isEqualTo(lines);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("2x0 hi\r\n", "malformed reply code on line 1"),
        Arguments.of("650 hi\r\n", "malformed reply code on line 1"),
        Arguments.of("150 hi\r\n", "malformed reply code on line 1"),
        Arguments.of("25\r\n", "malformed reply code on line 1"),
        Arguments.of("250-a\r\nfoo\r\n", "malformed reply code on line 2"),
        Arguments.of("SSH-2.0-OpenSSH\r\n", "malformed reply code on line 1"),
        Arguments.of("250-a\r\n251 b\r\n", "reply mixes codes 250 and 251"),
        Arguments.of("250x\r\n", "no space or hyphen after reply code 250"),
        Arguments.of("250 a\rb\r\n", "carriage return without line feed"),
        Arguments.of("250 " + "x".repeat(LINE - 5) + "\r\n", "reply line longer than " + LINE + " octets"),
        Arguments.of("250 " + "x".repeat(10 * LINE), "reply line longer than " + LINE + " octets"),
        Arguments.of("250-a\r\n".repeat(LINES) + "250 b\r\n", "reply longer than " + LINES + " lines"),
        Arguments.of("250-a\r\n".repeat(1000), "reply longer than " + LINES + " lines"),
        Arguments.of(("250-" + "y".repeat(LINE - 6) + "\r\n").repeat(4), "reply longer than " + BYTES + " octets"));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void refusesMalformedAndOversizedReplies(String wire, String reason) {
    assertThatThrownBy(() -> reader(wire).read())
        .isInstanceOf(SmtpProtocolException.class)
        .hasMessageContaining(reason);
  }

  static Stream<Arguments> truncated() {
    return Stream.of(
        Arguments.of("", "connection closed by the server"),
        Arguments.of("2", "in the middle of a reply"),
        Arguments.of("250-a\r\n", "in the middle of a reply"),
        Arguments.of("250 a\r", "in the middle of a reply"),
        Arguments.of("250 no line end", "in the middle of a reply"));
  }

  @ParameterizedTest
  @MethodSource("truncated")
  void endOfStreamIsNotAReply(String wire, String reason) {
    assertThatThrownBy(() -> reader(wire).read()).isInstanceOf(EOFException.class).hasMessageContaining(reason);
  }

  @Test
  void readsRepliesOneAfterTheOtherWithoutReadingAhead() throws IOException {
    ByteArrayInputStream in = stream("220 hi\r\n250-a\r\n250 b\r\nTLS-BYTES");
    SmtpReplyReader reader = new SmtpReplyReader(in, LINE, LINES, BYTES);
    assertThat(reader.read().firstLine()).isEqualTo("220 hi");
    assertThat(reader.read().lines()).containsExactly("a", "b");
    assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("TLS-BYTES");
  }

  @Test
  void limitsApplyPerReply() throws IOException {
    SmtpReplyReader reader = reader(("250-a\r\n".repeat(LINES - 1) + "250 b\r\n").repeat(3));
    for (int i = 0; i < 3; i++) {
      assertThat(reader.read().lines()).hasSize(LINES);
    }
  }

  @Test
  void findsExtensionsInEhloReplies() throws IOException {
    SmtpReply ehlo = reader("250-starttls.test says STARTTLS\r\n250-SIZE 100\r\n250 starttls\r\n").read();
    assertThat(ehlo.advertises("STARTTLS")).isTrue();
    SmtpReply without = reader("250-mx.test STARTTLS\r\n250-X-STARTTLS\r\n250 SIZE\r\n").read();
    assertThat(without.advertises("STARTTLS")).isFalse();
  }

  private static SmtpReplyReader reader(String wire) {
    return new SmtpReplyReader(stream(wire), LINE, LINES, BYTES);
  }

  private static ByteArrayInputStream stream(String wire) {
    return new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1));
  }
}
