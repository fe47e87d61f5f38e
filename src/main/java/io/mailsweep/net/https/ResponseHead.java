package io.mailsweep.net.https;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The final status line and header fields of a response.
 *
 * @param reason the reason phrase, possibly empty
 * @param fields values by lower-cased field name, in arrival order, without surrounding whitespace
 */
record ResponseHead(int status, String reason, Map<String, List<String>> fields) {
  ResponseHead {
    fields = Map.copyOf(fields);
  }

  List<String> all(String name) {
    return fields.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /** The first value of a field, or null. */
  String first(String name) {
    List<String> values = all(name);
    return values.isEmpty() ? null : values.get(0);
  }

  /** E.g. {@code HTTP 404 Not Found}. */
  String statusText() {
    return "HTTP " + status + (reason.isEmpty() ? "" : " " + Printable.cut(reason, HttpsSettings.MAX_QUOTE_CHARS));
  }
}
