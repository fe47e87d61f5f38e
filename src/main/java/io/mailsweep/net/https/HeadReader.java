package io.mailsweep.net.https;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the head of a response (RFC 9112 §4 status line, §5 field lines) up to the final status:
 * interim 1xx responses are skipped. The status lines and fields of all heads together stay
 * within {@link HttpsSettings#maxHeaderBytes()} and each head within {@link
 * HttpsSettings#maxHeaders()} fields.
 */
final class HeadReader {
  private static final Pattern STATUS_LINE = Pattern.compile("HTTP/(\\d)\\.(\\d) (\\d{3})(?: (.*))?");
  /** RFC 9110 §5.6.2 token. */
  private static final Pattern FIELD_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  private final LineReader lines;
  private final HttpsSettings limits;

  HeadReader(LineReader lines, HttpsSettings limits) {
    this.lines = lines;
    this.limits = limits;
  }

  /** The final head; every loop ends within the byte budget. */
  ResponseHead read() throws IOException, MalformedResponse {
    while (true) {
      String statusLine = line("status line");
      if (statusLine == null) {
        throw new MalformedResponse("the connection closed before a status line");
      }
      Matcher m = STATUS_LINE.matcher(statusLine);
      if (!m.matches()) {
        throw new MalformedResponse("not an HTTP/1.1 status line: '" + quote(statusLine) + "'");
      }
      if (!m.group(1).equals("1")) {
        throw new MalformedResponse("the server answered in HTTP/" + m.group(1) + "." + m.group(2));
      }
      int status = Integer.parseInt(m.group(3));
      Map<String, List<String>> fields = fields();
      if (status == 101) {
        throw new MalformedResponse("101 Switching Protocols to a GET without Upgrade");
      }
      if (status >= 200) {
        return new ResponseHead(status, m.group(4) == null ? "" : m.group(4).strip(), fields);
      }
    }
  }

  private Map<String, List<String>> fields() throws IOException, MalformedResponse {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    int count = 0;
    while (true) {
      String line = line("header field");
      if (line == null) {
        throw new MalformedResponse("the connection closed inside the response head");
      }
      if (line.isEmpty()) {
        return fields;
      }
      if (++count > limits.maxHeaders()) {
        throw new MalformedResponse("more than " + limits.maxHeaders() + " header fields");
      }
      if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
        throw new MalformedResponse("obsolete line folding in the head (RFC 9112 §5.2)");
      }
      int colon = line.indexOf(':');
      String name = colon < 0 ? line : line.substring(0, colon);
      if (colon < 0 || !FIELD_NAME.matcher(name).matches()) {
        throw new MalformedResponse("not a header field: '" + quote(line) + "'");
      }
      fields.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(line.substring(colon + 1).strip());
    }
  }

  private String line(String what) throws IOException, MalformedResponse {
    String tooLong = "the response head is longer than " + limits.maxHeaderBytes() + " bytes";
    int left = limits.maxHeaderBytes() - lines.consumed();
    if (left <= 0) {
      throw new MalformedResponse(tooLong);
    }
    return lines.next(left, what, tooLong);
  }

  private static String quote(String text) {
    return Printable.cut(text, HttpsSettings.MAX_QUOTE_CHARS);
  }
}
