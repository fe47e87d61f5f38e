package io.mailsweep.net.smtp;

import java.util.List;
import java.util.Locale;

/**
 * One complete SMTP reply (RFC 5321 §4.2): its three-digit code and the text of each line, without
 * the code, the separator and the line end. Non-printable octets of the text are shown as {@code ?}.
 */
record SmtpReply(int code, List<String> lines) {
  SmtpReply {
    lines = List.copyOf(lines);
  }

  /** 2yz: positive completion (RFC 5321 §4.2.1). */
  boolean positive() {
    return code >= 200 && code < 300;
  }

  /** The first line as it came, code included, e.g. {@code 220 mx.example ESMTP}. */
  String firstLine() {
    String text = lines.get(0);
    return text.isEmpty() ? Integer.toString(code) : code + " " + text;
  }

  /**
   * Whether an EHLO reply lists {@code keyword} as an extension: the first word of any line after
   * the first, in any case (RFC 5321 §4.1.1.1, ehlo-line).
   */
  boolean advertises(String keyword) {
    for (String line : lines.subList(1, lines.size())) {
      String word = line.strip().split("[ \\t]", 2)[0];
      if (word.toUpperCase(Locale.ROOT).equals(keyword)) {
        return true;
      }
    }
    return false;
  }
}
