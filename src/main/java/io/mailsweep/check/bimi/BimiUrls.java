package io.mailsweep.check.bimi;

import io.mailsweep.check.dmarc.TagList;
import io.mailsweep.domain.DomainName;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * The URLs of l= and a= (draft-brand-indicators-for-message-identification-10 §4.3): a single URI,
 * HTTPS only, on a fully qualified host; commas must be percent-encoded. Nothing is fetched.
 */
final class BimiUrls {
  private static final List<String> LOGO_EXTENSIONS = List.of("svg", "svgz");

  private BimiUrls() {}

  /** The tag's URL if usable, else null (empty, or a problem added to {@code problems}). */
  static String read(TagList.Tag tag, List<BimiProblem> problems) {
    String value = tag.value();
    if (value.isEmpty()) {
      return null;
    }
    Issue issue = issue(value);
    if (issue != null) {
      problems.add(new BimiProblem(issue.type(), tag.position(), tag.text() + " " + issue.text()));
      return null;
    }
    if (tag.name().equals("l")) {
      String ext = extension(URI.create(value).getPath());
      if (ext != null && !LOGO_EXTENSIONS.contains(ext)) {
        problems.add(new BimiProblem(BimiFinding.BIMI_LOGO_NOT_SVG, tag.position(),
            tag.text() + " points at a ." + ext + " file; only SVG (.svg, .svgz) logos are displayed"));
        return null;
      }
    }
    return value;
  }

  private record Issue(BimiFinding type, String text) {
    static Issue invalid(String text) {
      return new Issue(BimiFinding.BIMI_INVALID_URL, text);
    }
  }

  /** Why the value is not a usable URL, or null. */
  private static Issue issue(String value) {
    if (value.contains(",")) {
      return Issue.invalid("is not a single URL (a comma in a URL must be written %2C)");
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      return Issue.invalid("is not a URL: " + e.getReason());
    }
    if (!uri.isAbsolute()) {
      return Issue.invalid("is not an absolute https:// URL");
    }
    if (!uri.getScheme().equalsIgnoreCase("https")) {
      return new Issue(BimiFinding.BIMI_URL_NOT_HTTPS, "uses " + uri.getScheme() + ":, not https:");
    }
    String host = uri.getHost();
    if (host == null || !host.contains(".") || DomainName.problem(host) != null) {
      return Issue.invalid("does not name a fully qualified host");
    }
    return null;
  }

  /** The lower-cased extension of the last path segment, or null if it has none. */
  private static String extension(String path) {
    if (path == null) {
      return null;
    }
    String last = path.substring(path.lastIndexOf('/') + 1);
    int dot = last.lastIndexOf('.');
    return dot < 0 || dot == last.length() - 1 ? null : last.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
