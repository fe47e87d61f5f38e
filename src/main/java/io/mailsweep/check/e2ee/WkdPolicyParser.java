package io.mailsweep.check.e2ee;

import java.util.regex.Pattern;

/**
 * Checks a WKD policy flags file (draft-koch-openpgp-webkey-service §4.5): one keyword per line,
 * optionally followed by a colon and a value; empty lines and lines starting with '#' are
 * comments; a zero-length file is valid. A keyword starts with a letter and has letters, digits,
 * hyphens, dots and underscores (the namespace delimiter); clients match it without case. Pure.
 *
 * <p>The point is to tell a policy file from what catch-all web servers answer for any path
 * (an HTML page), which would otherwise look like WKD support.
 */
final class WkdPolicyParser {
  /** Lines quoted in a problem are cut to this many characters. */
  static final int MAX_QUOTE = 60;

  private static final Pattern LINE = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*(:.*)?");

  private WkdPolicyParser() {}

  /** Why {@code body} is not a policy flags file, naming the first bad line, or null when it is one. */
  static String problem(String body) {
    String[] lines = body.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (!LINE.matcher(line).matches()) {
        String shown = line.length() > MAX_QUOTE ? line.substring(0, MAX_QUOTE) + "..." : line;
        return "line " + (i + 1) + " is not a keyword: '" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
      }
    }
    return null;
  }
}
