package io.mailsweep.net.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseLinesTest {
  private static final AccessSettings SMALL = AccessSettings.DEFAULTS.withResponseLimits(16, 3, 40);

  @Test
  void linesEndWithCrlfOrBareLf() throws IOException {
    ResponseLines r = lines("+OK one\r\n+OK two\n");
    r.startResponse();
    assertThat(r.next()).isEqualTo("+OK one");
    assertThat(r.next()).isEqualTo("+OK two");
  }

  @Test
  void unprintableOctetsBecomeQuestionMarks() throws IOException {
    ResponseLines r = lines(new byte[] {'a', 0, (byte) 0xc3, (byte) 0xa9, '\t', 'b', '\r', 'c', '\r', '\n'});
    r.startResponse();
    assertThat(r.next()).isEqualTo("a??? b?c");
  }

  @Test
  void boundsLineLengthLineCountAndSize() throws IOException {
    ResponseLines longLine = lines("x".repeat(16) + "\r\n");
    longLine.startResponse();
    assertThatThrownBy(longLine::next).isInstanceOf(AccessProtocolException.class)
        .hasMessage("response line longer than 16 octets");

    ResponseLines many = lines("a\r\nb\r\nc\r\nd\r\n");
    many.startResponse();
    many.next();
    many.next();
    many.next();
    assertThatThrownBy(many::next).hasMessage("response longer than 3 lines");

    ResponseLines big = new ResponseLines(bytes("0123456789abcd\r\n".repeat(3)),
        AccessSettings.DEFAULTS.withResponseLimits(16, 10, 40));
    big.startResponse();
    big.next();
    big.next();
    assertThatThrownBy(big::next).hasMessage("response longer than 40 octets");
  }

  @Test
  void limitsCountPerResponse() throws IOException {
    ResponseLines r = lines("a\r\nb\r\nc\r\nd\r\n");
    r.startResponse();
    r.next();
    r.next();
    r.startResponse();
    assertThat(r.inResponse()).isFalse();
    assertThat(r.next()).isEqualTo("c");
    assertThat(r.next()).isEqualTo("d");
  }

  @Test
  void endOfStreamSaysWhetherAResponseHadBegun() throws IOException {
    ResponseLines none = lines("");
    none.startResponse();
    assertThatThrownBy(none::next).isInstanceOf(EOFException.class).hasMessage("connection closed by the server");
    assertThat(none.inResponse()).isFalse();

    ResponseLines half = lines("+OK par");
    half.startResponse();
    assertThatThrownBy(half::next).hasMessageContaining("in the middle of a response");
    assertThat(half.inResponse()).isTrue();
  }

  private static ResponseLines lines(String text) {
    return lines(text.getBytes(StandardCharsets.US_ASCII));
  }

  private static ResponseLines lines(byte[] octets) {
    return new ResponseLines(new ByteArrayInputStream(octets), SMALL);
  }

  private static ByteArrayInputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
  }
}
