package io.mailsweep.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * A fully qualified DNS name in its canonical form: ASCII (A-labels), lower case, no trailing dot.
 *
 * <p>Syntax follows RFC 1035 §2.3.4 lengths (labels of 1..63 octets, names up to 253 characters in
 * text form) and RFC 2181 §11 for the octets themselves: any printable ASCII except the dot is
 * accepted, so that service names such as {@code _dmarc.example.com} are names too. The stricter
 * host-name rules for vendor domains live in the input normaliser. A space is an octet like any
 * other here: SPF macros can produce it (RFC 7208 §7.3, "%_").
 */
public final class DomainName implements Comparable<DomainName> {
  public static final int MAX_LENGTH = 253;
  public static final int MAX_LABEL_LENGTH = 63;

  private final String name;

  private DomainName(String name) {
    this.name = name;
  }

  /**
   * Parses an ASCII name, accepting an optional trailing dot and any letter case.
   *
   * @throws IllegalArgumentException with the reason when the text is not a valid name
   */
  public static DomainName of(String text) {
    Objects.requireNonNull(text, "text");
    String s = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    String problem = problem(s);
    if (problem != null) {
      throw new IllegalArgumentException(problem + ": '" + abbreviate(text) + "'");
    }
    return new DomainName(s.toLowerCase(Locale.ROOT));
  }

  /** The reason {@code text} (without trailing dot) is not a name, or null when it is one. */
  public static String problem(String text) {
    if (text.isEmpty()) {
      return "empty name";
    }
    if (text.length() > MAX_LENGTH) {
      return "name longer than " + MAX_LENGTH + " characters";
    }
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '.') {
        int len = i - start;
        if (len == 0) {
          return "empty label";
        }
        if (len > MAX_LABEL_LENGTH) {
          return "label longer than " + MAX_LABEL_LENGTH + " octets";
        }
        start = i + 1;
      } else {
        char c = text.charAt(i);
        if (c < ' ' || c >= 0x7f) {
          return "illegal character in name";
        }
      }
    }
    return null;
  }

  /** The name {@code label.this}, e.g. {@code _dmarc.example.com}. */
  public DomainName prepend(String label) {
    return of(label + "." + name);
  }

  /** Number of labels: 2 for {@code example.com}. */
  public int labelCount() {
    int n = 1;
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) == '.') {
        n++;
      }
    }
    return n;
  }

  /** The canonical text, without trailing dot. */
  public String text() {
    return name;
  }

  @Override
  public String toString() {
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DomainName other && other.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public int compareTo(DomainName o) {
    return name.compareTo(o.name);
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
