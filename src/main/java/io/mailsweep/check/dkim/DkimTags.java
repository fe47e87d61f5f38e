package io.mailsweep.check.dkim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tag=value list as RFC 6376 §3.2 defines it, in record order, or the first syntax error and
 * the character position where it was found. Whitespace around names and values is dropped;
 * whitespace inside a value is kept (it matters to nobody but {@code p=}, which strips it).
 *
 * @param tags the tags by name, in record order; empty when {@code error} is set
 * @param error what is wrong, or null
 * @param errorAt the zero-based index into the text where the problem starts, or -1
 */
record DkimTags(Map<String, String> tags, String error, int errorAt) {

  DkimTags {
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
  }

  boolean valid() {
    return error == null;
  }

  String firstName() {
    return tags.isEmpty() ? null : tags.keySet().iterator().next();
  }

  static DkimTags parse(String text) {
    Map<String, String> tags = new LinkedHashMap<>();
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf(';', start);
      if (end < 0) {
        end = text.length();
      }
      String spec = text.substring(start, end);
      if (!spec.isBlank()) {
        String problem = add(tags, spec);
        if (problem != null) {
          return new DkimTags(Map.of(), problem, start + leadingSpace(spec));
        }
      } else if (end < text.length()) {
        // Only the last tag-spec may be empty ("a=1; b=2;"); "a=1;;b=2" is no tag-list.
        if (!text.substring(end + 1).isBlank()) {
          return new DkimTags(Map.of(), "empty tag-spec between two ';'", start);
        }
      }
      start = end + 1;
    }
    return new DkimTags(tags, null, -1);
  }

  /** Adds one tag-spec; the problem with it, or null. */
  private static String add(Map<String, String> tags, String spec) {
    int eq = spec.indexOf('=');
    if (eq < 0) {
      return "tag-spec '" + spec.strip() + "' has no '='";
    }
    String name = spec.substring(0, eq).strip();
    String value = spec.substring(eq + 1).strip();
    if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
      return "'" + name + "' is not a tag name (a letter, then letters, digits or '_')";
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c > 0x7e || (c < 0x21 && c != ' ' && c != '\t' && c != '\r' && c != '\n')) {
        return "tag " + name + "= holds a character outside printable ASCII";
      }
    }
    if (tags.putIfAbsent(name, value) != null) {
      return "tag " + name + "= occurs twice, which makes the whole tag-list invalid";
    }
    return null;
  }

  private static int leadingSpace(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }
}
