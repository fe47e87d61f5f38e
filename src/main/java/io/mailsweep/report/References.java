package io.mailsweep.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a finding's reference can be read: the first RFC it cites on the RFC Editor's site (with
 * its first section, {@code RFC 7208 §4.6.4} becoming
 * {@code https://www.rfc-editor.org/rfc/rfc7208#section-4.6.4}), the first Internet-Draft on the
 * IETF Datatracker, or a URL written out in it, whichever comes first. A cell holds one link.
 */
final class References {

  /** Longest link address written; longer URLs stay text. */
  static final int MAX_URL_CHARS = 2_000;

  private static final Pattern RFC =
      Pattern.compile("\\bRFC\\s*0*(\\d{1,5})(?:\\s*,?\\s*§\\s*(\\d{1,3}(?:\\.\\d{1,3})*))?", Pattern.CASE_INSENSITIVE);
  private static final Pattern DRAFT =
      Pattern.compile("\\b(draft-[a-z0-9]+(?:-[a-z0-9]+)+)(?:\\s*§\\s*(\\d{1,3}(?:\\.\\d{1,3})*))?");
  private static final Pattern URL = Pattern.compile("\\bhttps?://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);

  private References() {}

  /** The address {@code reference} points to, or null when it names nothing linkable. */
  static String url(String reference) {
    if (reference == null || reference.isBlank()) {
      return null;
    }
    Matcher rfc = RFC.matcher(reference);
    Matcher draft = DRAFT.matcher(reference);
    Matcher url = URL.matcher(reference);
    int atRfc = rfc.find() ? rfc.start() : Integer.MAX_VALUE;
    int atDraft = draft.find() ? draft.start() : Integer.MAX_VALUE;
    int atUrl = url.find() ? url.start() : Integer.MAX_VALUE;
    if (atRfc < atDraft && atRfc < atUrl) {
      return "https://www.rfc-editor.org/rfc/rfc" + rfc.group(1) + section(rfc.group(2));
    }
    if (atDraft < atUrl) {
      return "https://datatracker.ietf.org/doc/html/" + draft.group(1) + section(draft.group(2));
    }
    return atUrl == Integer.MAX_VALUE ? null : checked(url.group());
  }

  private static String section(String number) {
    return number == null ? "" : "#section-" + number;
  }

  /** A written-out URL, if it parses as an absolute http(s) URI with a host. */
  private static String checked(String text) {
    String trimmed = text.replaceAll("[.,;:)\\]]+$", "");
    if (trimmed.length() > MAX_URL_CHARS) {
      return null;
    }
    try {
      URI uri = new URI(trimmed);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return uri.getHost() != null && (scheme.equals("https") || scheme.equals("http")) ? trimmed : null;
    } catch (URISyntaxException malformed) {
      return null;
    }
  }
}
