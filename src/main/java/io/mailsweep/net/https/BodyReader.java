package io.mailsweep.net.https;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * Reads the body of a 200 response by its framing (RFC 9112 §6.3): chunked, Content-Length, or
 * until the connection closes. Never takes more than {@code maxBodyBytes + 1} body bytes from the
 * stream; a declared length or chunk that would pass the limit stops reading before its data.
 */
final class BodyReader {
  /** Content-Length values longer than this are not numbers we read (and far above any limit). */
  private static final int MAX_LENGTH_DIGITS = 15;

  /**
   * The body, or why it was not read in full.
   *
   * @param bytes the body; null when {@code tooLarge} is set
   * @param tooLarge why the body is over the limit, else null
   * @param framing how the length was known: {@code Content-Length}, {@code chunked} or {@code close}
   */
  record Body(byte[] bytes, String tooLarge, String framing) {}

  private final LineReader lines;
  private final InputStream in;
  private final HttpsSettings limits;

  BodyReader(LineReader lines, InputStream in, HttpsSettings limits) {
    this.lines = lines;
    this.in = in;
    this.limits = limits;
  }

  Body read(ResponseHead head) throws IOException, MalformedResponse {
    List<String> codings = head.all("transfer-encoding");
    if (!codings.isEmpty()) {
      String coding = String.join(",", codings).strip().toLowerCase(Locale.ROOT);
      if (!coding.equals("chunked")) {
        throw new MalformedResponse("unsupported Transfer-Encoding '" + Printable.cut(coding, 40) + "'");
      }
      return chunked();
    }
    long length = contentLength(head);
    return length < 0 ? untilClose() : sized(length);
  }

  private Body sized(long length) throws IOException, MalformedResponse {
    if (length > limits.maxBodyBytes()) {
      return tooLarge("Content-Length " + length + " above the " + limits.maxBodyBytes() + "-byte limit",
          "Content-Length");
    }
    byte[] bytes = in.readNBytes((int) length);
    if (bytes.length < length) {
      throw new MalformedResponse("the body ended after " + bytes.length + " of " + length + " bytes");
    }
    return new Body(bytes, null, "Content-Length");
  }

  private Body untilClose() throws IOException {
    byte[] bytes = in.readNBytes(limits.maxBodyBytes() + 1);
    if (bytes.length > limits.maxBodyBytes()) {
      return tooLarge("body longer than the " + limits.maxBodyBytes() + "-byte limit", "close");
    }
    return new Body(bytes, null, "close");
  }

  /**
   * RFC 9112 §7.1; the size lines and the CRLFs after the chunks stay within {@link
   * HttpsSettings#maxHeaderBytes()} together. Trailers are not read (the connection closes).
   */
  private Body chunked() throws IOException, MalformedResponse {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int start = lines.consumed();
    String tooLong = "the chunk-size lines take more than " + limits.maxHeaderBytes() + " bytes";
    while (true) {
      int left = limits.maxHeaderBytes() - (lines.consumed() - start);
      if (left < 2) {
        throw new MalformedResponse(tooLong);
      }
      String line = lines.next(left, "chunked body", tooLong);
      if (line == null) {
        throw new MalformedResponse("the connection closed inside the chunked body");
      }
      long size = chunkSize(line);
      if (size == 0) {
        return new Body(body.toByteArray(), null, "chunked");
      }
      if (body.size() + size > limits.maxBodyBytes()) {
        return tooLarge("chunked body longer than the " + limits.maxBodyBytes() + "-byte limit", "chunked");
      }
      byte[] data = in.readNBytes((int) size);
      if (data.length < size) {
        throw new MalformedResponse("the connection closed inside a chunk");
      }
      body.write(data);
      String end = lines.next(2, "chunked body", "a chunk is longer than its size line says");
      if (end == null || !end.isEmpty()) {
        throw new MalformedResponse("a chunk is not followed by CRLF");
      }
    }
  }

  private static long chunkSize(String line) throws MalformedResponse {
    int semicolon = line.indexOf(';');
    String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
    if (hex.isEmpty() || hex.length() > MAX_LENGTH_DIGITS || !hex.matches("[0-9A-Fa-f]+")) {
      throw new MalformedResponse("not a chunk size: '" + Printable.cut(line, 40) + "'");
    }
    return Long.parseLong(hex, 16);
  }

  /** The declared length, or -1 when none; several fields or list members must agree (RFC 9110 §8.6). */
  private static long contentLength(ResponseHead head) throws MalformedResponse {
    long length = -1;
    for (String value : head.all("content-length")) {
      for (String member : value.split(",", -1)) {
        String digits = member.strip();
        if (digits.isEmpty() || digits.length() > MAX_LENGTH_DIGITS || !digits.chars().allMatch(Character::isDigit)) {
          throw new MalformedResponse("Content-Length '" + Printable.cut(value, 40) + "' is not a length");
        }
        long n = Long.parseLong(digits);
        if (length >= 0 && n != length) {
          throw new MalformedResponse("conflicting Content-Length values " + length + " and " + n);
        }
        length = n;
      }
    }
    return length;
  }

  private static Body tooLarge(String why, String framing) {
    return new Body(null, why, framing);
  }
}
