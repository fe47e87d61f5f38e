package io.mailsweep.input;

import io.mailsweep.domain.DomainName;

/**
 * Host-name syntax for vendor domains, stricter than {@link DomainName}: letter-digit-hyphen labels
 * (RFC 952 as relaxed by RFC 1123 §2.1, no leading or trailing hyphen), the lengths of RFC 1035
 * §2.3.4, at least two labels, and a top-level label that is not all-numeric (RFC 3696 §2).
 * Each method returns the reason a name breaks a rule, or null.
 */
final class HostnameRules {
  private HostnameRules() {}

  /**
   * Checks that hold before IDNA conversion, on a lower-cased name: ASCII characters must be LDH
   * or dots, and no label may be empty. Non-ASCII characters are left to IDNA.
   */
  static String beforeIdna(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x80 && !isLdh(c) && c != '.') {
        return "illegal character " + show(c);
      }
    }
    if (name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
      return "empty label";
    }
    return null;
  }

  /** Checks on the ASCII (A-label) form. */
  static String afterIdna(String ascii) {
    if (ascii.length() > DomainName.MAX_LENGTH) {
      return "name longer than " + DomainName.MAX_LENGTH + " characters";
    }
    String[] labels = ascii.split("\\.", -1);
    for (String label : labels) {
      if (label.isEmpty()) {
        return "empty label";
      }
      if (label.length() > DomainName.MAX_LABEL_LENGTH) {
        return "label longer than " + DomainName.MAX_LABEL_LENGTH + " octets";
      }
      if (label.startsWith("-") || label.endsWith("-")) {
        return "label starts or ends with a hyphen";
      }
    }
    if (labels.length < 2) {
      return "single-label name";
    }
    if (labels[labels.length - 1].chars().allMatch(c -> c >= '0' && c <= '9')) {
      return "numeric top-level label";
    }
    return null;
  }

  private static boolean isLdh(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  }

  private static String show(char c) {
    return c >= ' ' && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
  }
}
