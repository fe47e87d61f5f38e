package io.mailsweep.net.https;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns the bytes of one response to a policy GET into a {@link FetchResult} (RFC 8461 §3.2,
 * §3.3): 200 with text/plain (or any type, when the request accepts any) within the size limit is
 * {@link FetchOutcome#OK}; redirects are
 * reported, never followed; anything malformed is {@link FetchOutcome#PROTOCOL_ERROR}. Pure: it
 * reads only the stream it is given, a bounded number of bytes, and leaves I/O failures (resets,
 * timeouts) to the caller as exceptions. The result's {@code millis} is 0.
 */
public final class ResponseReader {
  /** RFC 8461 §3.2: the policy's media type. */
  static final String MEDIA_TYPE = "text/plain";

  private final HttpsSettings limits;

  public ResponseReader(HttpsSettings limits) {
    this.limits = limits;
  }

  /** Reads a response to a request for text/plain. */
  public FetchResult read(InputStream in) throws IOException {
    return read(in, PolicyRequest.TEXT_PLAIN);
  }

  /**
   * Reads a response to a request for {@code mediaType}: a 200 must carry it, unless it is {@link
   * PolicyRequest#ANY_MEDIA_TYPE}.
   */
  public FetchResult read(InputStream in, String mediaType) throws IOException {
    LineReader lines = new LineReader(in);
    ResponseHead head = null;
    try {
      head = new HeadReader(lines, limits).read();
      return classify(head, new BodyReader(lines, in, limits), mediaType);
    } catch (MalformedResponse e) {
      int status = head == null ? 0 : head.status();
      return new FetchResult(FetchOutcome.PROTOCOL_ERROR, status, null, null, null, e.getMessage(), 0);
    }
  }

  private FetchResult classify(ResponseHead head, BodyReader bodies, String mediaType)
      throws IOException, MalformedResponse {
    int status = head.status();
    String type = head.first("content-type");
    String shownType = type == null ? null : Printable.cut(type, HttpsSettings.MAX_QUOTE_CHARS);
    if (status >= 300 && status < 400) {
      String location = head.first("location");
      String shown = location == null ? null : Printable.cut(location, HttpsSettings.MAX_LOCATION_CHARS);
      return new FetchResult(FetchOutcome.REDIRECT, status, shownType, null, shown,
          head.statusText() + (shown == null ? " without Location" : " to " + shown), 0);
    }
    if (status != 200) {
      return new FetchResult(FetchOutcome.HTTP_STATUS, status, shownType, null, null, head.statusText(), 0);
    }
    boolean any = mediaType.equals(PolicyRequest.ANY_MEDIA_TYPE);
    if (!any && !isType(type, mediaType)) {
      String why = type == null ? "no Content-Type" : "Content-Type " + shownType + ", not " + mediaType;
      return new FetchResult(FetchOutcome.WRONG_CONTENT_TYPE, status, shownType, null, null,
          head.statusText() + " with " + why, 0);
    }
    BodyReader.Body body = bodies.read(head);
    if (body.tooLarge() != null) {
      return new FetchResult(FetchOutcome.TOO_LARGE, status, shownType, null, null,
          head.statusText() + ", " + body.tooLarge(), 0);
    }
    String text = new String(body.bytes(), StandardCharsets.UTF_8);
    return new FetchResult(FetchOutcome.OK, status, shownType, text, null, head.statusText() + ", "
        + (shownType == null ? "no Content-Type" : shownType) + ", " + body.bytes().length + " bytes ("
        + body.framing() + ")", 0, body.bytes());
  }

  /** Whether the media type is text/plain, see {@link #isType}. */
  static boolean isTextPlain(String contentType) {
    return isType(contentType, MEDIA_TYPE);
  }

  /** The media type before any parameters, compared without case (RFC 9110 §8.3.1). */
  static boolean isType(String contentType, String mediaType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
    return type.toLowerCase(Locale.ROOT).equals(mediaType.toLowerCase(Locale.ROOT));
  }
}
