package io.mailsweep.check.mtasts;

import io.mailsweep.domain.DomainName;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One {@code mx:} value of a policy (RFC 8461 §3.2: {@code ["*."] Domain}, Domain as in RFC 5321
 * §4.1.2) and its matching rule (§4.1): a host matches when equal to the pattern, without regard
 * to case; {@code *.example.com} matches exactly one further left-most label, so
 * {@code mail.example.com} but neither {@code example.com} nor {@code a.b.example.com}.
 *
 * @param domain the pattern without {@code *.}, lower case
 */
public record MxPattern(boolean wildcard, String domain) {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  public MxPattern {
    domain = domain.toLowerCase(Locale.ROOT);
    String problem = domainProblem(domain);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** Why {@code text} is not an mx pattern, or null when it is one. */
  static String problem(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return domainProblem(lower.startsWith("*.") ? lower.substring(2) : lower);
  }

  /** The pattern of an mx value; {@link #problem} must be null for it. */
  static MxPattern parse(String text) {
    return text.startsWith("*.") ? new MxPattern(true, text.substring(2)) : new MxPattern(false, text);
  }

  public boolean matches(DomainName host) {
    String name = host.text();
    if (!wildcard) {
      return name.equals(domain);
    }
    int dot = name.indexOf('.');
    return dot > 0 && name.substring(dot + 1).equals(domain);
  }

  /** As written in a policy, e.g. {@code *.mail.example.com}. */
  public String text() {
    return wildcard ? "*." + domain : domain;
  }

  private static String domainProblem(String domain) {
    if (domain.isEmpty()) {
      return "is empty";
    }
    if (domain.endsWith(".")) {
      return "ends with a dot, which the grammar does not allow";
    }
    if (domain.indexOf('*') >= 0) {
      return "has a wildcard other than one leading \"*.\"";
    }
    if (domain.length() > DomainName.MAX_LENGTH) {
      return "is longer than " + DomainName.MAX_LENGTH + " characters";
    }
    for (String label : domain.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return label.isEmpty() ? "has an empty label" : "has the label '" + label
            + "', which is not letters, digits and inner hyphens of at most 63 characters";
      }
    }
    return null;
  }
}
