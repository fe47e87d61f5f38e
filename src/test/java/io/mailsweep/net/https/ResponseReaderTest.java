package io.mailsweep.net.https;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The response reader on byte streams: framing, classification and every bound. */
class ResponseReaderTest {
  /** Small limits so that the bounds are easy to pass: 100-byte bodies, 256-byte heads, 5 fields. */
  static final HttpsSettings LIMITS = new HttpsSettings(443, Duration.ofSeconds(1), Duration.ofSeconds(2), 100, 256,
      5, "mailsweep");
  static final String POLICY = "version: STSv1\r\nmode: enforce\r\nmx: mx.example.com\r\nmax_age: 86400\r\n";

  static FetchResult read(String response) throws IOException {
    return new ResponseReader(LIMITS).read(new ByteArrayInputStream(response.getBytes(StandardCharsets.ISO_8859_1)));
  }

  static Stream<Arguments> responses() {
    String ok = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n";
    return Stream.of(
        Arguments.of("Content-Length", ok + "Content-Length: 5\r\n\r\nhello", FetchOutcome.OK,
            "HTTP 200 OK, text/plain, 5 bytes (Content-Length)"),
        Arguments.of("chunked with extensions",
            ok + "Transfer-Encoding: chunked\r\n\r\n3;x=1\r\nhel\r\n2\r\nlo\r\n0\r\n\r\n",
            FetchOutcome.OK, "HTTP 200 OK, text/plain, 5 bytes (chunked)"),
        Arguments.of("until close", ok + "\r\nhello", FetchOutcome.OK, "HTTP 200 OK, text/plain, 5 bytes (close)"),
        Arguments.of("bare LF and parameters", "HTTP/1.0 200\nContent-Type: TEXT/Plain; charset=utf-8\n\nhello",
            FetchOutcome.OK, "HTTP 200, TEXT/Plain; charset=utf-8, 5 bytes (close)"),
        Arguments.of("interim 100 skipped", "HTTP/1.1 100 Continue\r\n\r\n" + ok + "Content-Length: 5\r\n\r\nhello",
            FetchOutcome.OK, "HTTP 200 OK, text/plain, 5 bytes (Content-Length)"),
        Arguments.of("404", "HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found", FetchOutcome.HTTP_STATUS,
            "HTTP 404 Not Found"),
        Arguments.of("redirect", "HTTP/1.1 301 Moved Permanently\r\nLocation: https://www.example.com/\r\n\r\n",
            FetchOutcome.REDIRECT, "HTTP 301 Moved Permanently to https://www.example.com/"),
        Arguments.of("redirect without Location", "HTTP/1.1 302 Found\r\n\r\n", FetchOutcome.REDIRECT,
            "HTTP 302 Found without Location"),
        Arguments.of("wrong type", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>",
            FetchOutcome.WRONG_CONTENT_TYPE,
            "HTTP 200 OK with Content-Type text/html, not text/plain"),
        Arguments.of("no type", "HTTP/1.1 200 OK\r\n\r\nhello", FetchOutcome.WRONG_CONTENT_TYPE,
            "HTTP 200 OK with no Content-Type"),
        Arguments.of("declared too large", ok + "Content-Length: 101\r\n\r\n", FetchOutcome.TOO_LARGE,
            "HTTP 200 OK, Content-Length 101 above the 100-byte limit"),
        Arguments.of("chunks too large",
            ok + "Transfer-Encoding: chunked\r\n\r\n50\r\n" + "a".repeat(80) + "\r\n15\r\n",
            FetchOutcome.TOO_LARGE, "HTTP 200 OK, chunked body longer than the 100-byte limit"),
        Arguments.of("not HTTP", "SSH-2.0-OpenSSH_9.6\r\n", FetchOutcome.PROTOCOL_ERROR,
            "not an HTTP/1.1 status line: 'SSH-2.0-OpenSSH_9.6'"),
        Arguments.of("HTTP/2", "HTTP/2.0 200 OK\r\n\r\n", FetchOutcome.PROTOCOL_ERROR,
            "the server answered in HTTP/2.0"),
        Arguments.of("nothing", "", FetchOutcome.PROTOCOL_ERROR, "the connection closed before a status line"),
        Arguments.of("cut head", "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n", FetchOutcome.PROTOCOL_ERROR,
            "the connection closed inside the response head"),
        Arguments.of("folded field", ok + "X-A: 1\r\n  2\r\n\r\n", FetchOutcome.PROTOCOL_ERROR,
            "obsolete line folding in the head (RFC 9112 §5.2)"),
        Arguments.of("space before colon", ok + "X-A : 1\r\n\r\n", FetchOutcome.PROTOCOL_ERROR,
            "not a header field: 'X-A : 1'"),
        Arguments.of("too many fields", ok + "A: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\nE: 5\r\n\r\n",
            FetchOutcome.PROTOCOL_ERROR,
            "more than 5 header fields"),
        Arguments.of("head too long", ok + "X-Long: " + "x".repeat(300) + "\r\n\r\n", FetchOutcome.PROTOCOL_ERROR,
            "the response head is longer than 256 bytes"),
        Arguments.of("conflicting lengths", ok + "Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
            FetchOutcome.PROTOCOL_ERROR, "conflicting Content-Length values 5 and 6"),
        Arguments.of("short body", ok + "Content-Length: 10\r\n\r\nhello", FetchOutcome.PROTOCOL_ERROR,
            "the body ended after 5 of 10 bytes"),
        Arguments.of("bad chunk size", ok + "Transfer-Encoding: chunked\r\n\r\nzz\r\n", FetchOutcome.PROTOCOL_ERROR,
            "not a chunk size: 'zz'"),
        Arguments.of("chunk overruns", ok + "Transfer-Encoding: chunked\r\n\r\n2\r\nhello\r\n0\r\n\r\n",
            FetchOutcome.PROTOCOL_ERROR, "a chunk is longer than its size line says"),
        Arguments.of("chunk extensions too long", ok + "Transfer-Encoding: chunked\r\n\r\n"
            + ("1;" + "x".repeat(100) + "\r\na\r\n").repeat(3), FetchOutcome.PROTOCOL_ERROR,
            "the chunk-size lines take more than 256 bytes"),
        Arguments.of("gzip", ok + "Transfer-Encoding: gzip, chunked\r\n\r\n", FetchOutcome.PROTOCOL_ERROR,
            "unsupported Transfer-Encoding 'gzip, chunked'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("responses")
  void classifiesResponses(String name, String response, FetchOutcome outcome, String detail) throws IOException {
    FetchResult r = read(response);
    assertThat(r.outcome()).isEqualTo(outcome);
    assertThat(r.detail()).isEqualTo(detail);
    assertThat(r.body() != null).isEqualTo(outcome == FetchOutcome.OK);
  }

  @Test
  void theBodyIsDecodedAsUtf8AndTheHeadKept() throws IOException {
    byte[] body = POLICY.getBytes(StandardCharsets.UTF_8);
    FetchResult r = read("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
        + body.length + "\r\n\r\n" + POLICY);
    assertThat(r.body()).isEqualTo(POLICY);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("text/plain; charset=utf-8");
    assertThat(r.location()).isNull();
  }

  @Test
  void anyMediaTypeKeepsTheBinaryBodyAsSent() throws IOException {
    byte[] head = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 4\r\n\r\n"
        .getBytes(StandardCharsets.US_ASCII);
    byte[] key = {(byte) 0x99, 0x01, (byte) 0xff, 0x00};
    byte[] response = java.util.Arrays.copyOf(head, head.length + key.length);
    System.arraycopy(key, 0, response, head.length, key.length);
    FetchResult r = new ResponseReader(LIMITS).read(new ByteArrayInputStream(response), PolicyRequest.ANY_MEDIA_TYPE);
    assertThat(r.outcome()).isEqualTo(FetchOutcome.OK);
    assertThat(r.bytes()).containsExactly(key);
    assertThat(r.detail()).isEqualTo("HTTP 200 OK, application/octet-stream, 4 bytes (Content-Length)");
    FetchResult strict = new ResponseReader(LIMITS).read(new ByteArrayInputStream(response));
    assertThat(strict.outcome()).isEqualTo(FetchOutcome.WRONG_CONTENT_TYPE);
    assertThat(strict.bytes()).isNull();
  }

  @Test
  void anyMediaTypeAcceptsAMissingContentType() throws IOException {
    FetchResult r = new ResponseReader(LIMITS).read(new ByteArrayInputStream(
        "HTTP/1.1 200 OK\r\n\r\nhello".getBytes(StandardCharsets.US_ASCII)), PolicyRequest.ANY_MEDIA_TYPE);
    assertThat(r.outcome()).isEqualTo(FetchOutcome.OK);
    assertThat(r.body()).isEqualTo("hello");
    assertThat(r.detail()).isEqualTo("HTTP 200 OK, no Content-Type, 5 bytes (close)");
  }

  @Test
  void aTextResultCarriesItsUtf8Bytes() {
    FetchResult r = new FetchResult(FetchOutcome.OK, 200, "text/plain", "é", null, "HTTP 200", 1);
    assertThat(r.bytes()).containsExactly(0xc3, 0xa9);
    assertThat(r.withMillis(5).bytes()).containsExactly(0xc3, 0xa9);
    assertThat(FetchResult.failure(FetchOutcome.TIMEOUT, "late").bytes()).isNull();
  }

  @Test
  void aLongLocationIsCutForTheReport() throws IOException {
    FetchResult r = new ResponseReader(HttpsSettings.DEFAULTS).read(new ByteArrayInputStream(
        ("HTTP/1.1 308 Permanent Redirect\r\nLocation: https://x.test/" + "a".repeat(1000) + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII)));
    assertThat(r.outcome()).isEqualTo(FetchOutcome.REDIRECT);
    assertThat(r.status()).isEqualTo(308);
    assertThat(r.location()).hasSize(HttpsSettings.MAX_LOCATION_CHARS + 3).endsWith("...");
  }

  @Test
  void anEndlessBodyIsReadOnlyToOneBytePastTheLimit() throws IOException {
    String head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n";
    Counting in = endlessAfter(head);
    FetchResult r = new ResponseReader(LIMITS).read(in);
    assertThat(r.outcome()).isEqualTo(FetchOutcome.TOO_LARGE);
    assertThat(r.detail()).isEqualTo("HTTP 200 OK, body longer than the 100-byte limit");
    assertThat(in.count).isEqualTo(head.length() + LIMITS.maxBodyBytes() + 1);
  }

  @Test
  void aDeclaredOversizeIsNotReadAtAll() throws IOException {
    String head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000000\r\n\r\n";
    Counting in = endlessAfter(head);
    assertThat(new ResponseReader(LIMITS).read(in).outcome()).isEqualTo(FetchOutcome.TOO_LARGE);
    assertThat(in.count).isEqualTo(head.length());
  }

  @Test
  void anEndlessHeadStopsAtItsLimit() throws IOException {
    Counting in = endlessAfter("HTTP/1.1 200 OK\r\nX: ");
    FetchResult r = new ResponseReader(LIMITS).read(in);
    assertThat(r.outcome()).isEqualTo(FetchOutcome.PROTOCOL_ERROR);
    assertThat(in.count).isLessThanOrEqualTo(LIMITS.maxHeaderBytes());
  }

  @Test
  void textPlainIsRecognisedWithParametersAndAnyCase() {
    assertThat(ResponseReader.isTextPlain("text/plain")).isTrue();
    assertThat(ResponseReader.isTextPlain(" Text/Plain ;charset=us-ascii")).isTrue();
    assertThat(ResponseReader.isTextPlain("text/plainx")).isFalse();
    assertThat(ResponseReader.isTextPlain("application/octet-stream")).isFalse();
    assertThat(ResponseReader.isTextPlain(null)).isFalse();
  }

  static Counting endlessAfter(String head) {
    return new Counting(new SequenceInputStream(new ByteArrayInputStream(head.getBytes(StandardCharsets.US_ASCII)),
        new Endless()));
  }

  /** 'a' forever. */
  static final class Endless extends InputStream {
    @Override
    public int read() {
      return 'a';
    }
  }

  /** Counts the bytes taken from the stream beneath. */
  static final class Counting extends InputStream {
    private final InputStream in;
    long count;

    Counting(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      count += b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      count += Math.max(n, 0);
      return n;
    }
  }
}
