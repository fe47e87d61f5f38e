package io.mailsweep.net.smtp;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Every bound of one SMTP probe. Defaults and their sources:
 *
 * @param port the SMTP port (25, RFC 5321 §4.5.4.2 relay between MTAs)
 * @param ehloName the name sent in EHLO/HELO; a syntactically valid host name (RFC 5321 §4.1.1.1,
 *     §2.3.5). Default {@code mailsweep.invalid}: the {@code .invalid} TLD (RFC 2606 §2) so that
 *     nobody mistakes the scanner for a mail server of any real domain
 * @param connectTimeout the TCP connection attempt (10 s)
 * @param bannerTimeout the whole greeting, however it is dripped (20 s; RFC 5321 §4.5.3.2.1 allows
 *     servers 5 minutes, a scanner cannot wait that long per address)
 * @param commandTimeout each command's whole reply, and the TLS handshake (10 s; RFC 5321
 *     §4.5.3.2 allows more, see above)
 * @param totalDeadline the whole probe of one address, every extra handshake included (60 s)
 * @param maxLineLength octets in one reply line, CRLF included (1000: RFC 5321 §4.5.3.1.5 says 512
 *     for replies; real servers exceed it, so the text-line limit of §4.5.3.1.6 is used)
 * @param maxReplyLines lines in one multi-line reply (100; RFC 5321 sets none, real EHLO replies
 *     have about 15)
 * @param maxReplyBytes octets in one whole reply (64 KiB), whatever its line count
 * @param probeVersions whether to test TLSv1.3, TLSv1.2, TLSv1.1 and TLSv1 one by one (one
 *     further conversation each)
 * @param probeWeakCiphers whether to test weak cipher suites (up to 3 further conversations)
 */
public record SmtpSettings(
    int port,
    String ehloName,
    Duration connectTimeout,
    Duration bannerTimeout,
    Duration commandTimeout,
    Duration totalDeadline,
    int maxLineLength,
    int maxReplyLines,
    int maxReplyBytes,
    boolean probeVersions,
    boolean probeWeakCiphers) {

  /** The shortest line that can hold a reply code and CRLF. */
  static final int MIN_LINE_LENGTH = 5;

  /**
   * RFC 1123 §2.1 labels (letters, digits, inner hyphens, 1-63 octets), RFC 1035 §2.3.4 lengths;
   * an all-numeric last label is refused apart, so that an IPv4 address is not taken for a name.
   */
  private static final Pattern HOST_NAME =
      Pattern.compile("(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

  public static final SmtpSettings DEFAULTS =
      new SmtpSettings(
          25,
          "mailsweep.invalid",
          Duration.ofSeconds(10),
          Duration.ofSeconds(20),
          Duration.ofSeconds(10),
          Duration.ofSeconds(60),
          1000,
          100,
          64 * 1024,
          true,
          true);

  public SmtpSettings {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("SMTP port must be between 1 and 65535");
    }
    if (!isHostName(ehloName)) {
      throw new IllegalArgumentException("EHLO name is not a host name: '" + ehloName + "'");
    }
    requirePositive(connectTimeout, "SMTP connect timeout");
    requirePositive(bannerTimeout, "SMTP banner timeout");
    requirePositive(commandTimeout, "SMTP command timeout");
    requirePositive(totalDeadline, "SMTP probe deadline");
    if (maxLineLength < MIN_LINE_LENGTH) {
      throw new IllegalArgumentException("SMTP reply line limit must be at least " + MIN_LINE_LENGTH);
    }
    if (maxReplyLines < 1) {
      throw new IllegalArgumentException("SMTP reply line count limit must be at least 1");
    }
    if (maxReplyBytes < maxLineLength) {
      throw new IllegalArgumentException("SMTP reply size limit must hold at least one line");
    }
  }

  /** These settings with other timeouts; handy for tests and tight lab runs. */
  public SmtpSettings withTimeouts(Duration connect, Duration banner, Duration command, Duration total) {
    return new SmtpSettings(port, ehloName, connect, banner, command, total, maxLineLength, maxReplyLines,
        maxReplyBytes, probeVersions, probeWeakCiphers);
  }

  /** These settings with the extra handshakes switched on or off. */
  public SmtpSettings withExtraHandshakes(boolean versions, boolean weakCiphers) {
    return new SmtpSettings(port, ehloName, connectTimeout, bannerTimeout, commandTimeout, totalDeadline,
        maxLineLength, maxReplyLines, maxReplyBytes, versions, weakCiphers);
  }

  /** These settings with other reply limits. */
  public SmtpSettings withReplyLimits(int lineLength, int lines, int bytes) {
    return new SmtpSettings(port, ehloName, connectTimeout, bannerTimeout, commandTimeout, totalDeadline,
        lineLength, lines, bytes, probeVersions, probeWeakCiphers);
  }

  /**
   * Whether {@code name} may be sent as an EHLO name: a host name by the rules above, not an
   * address. Public for the submission probe ({@code net.access}), whose EHLO name obeys the same.
   */
  public static boolean isHostName(String name) {
    return name != null && HOST_NAME.matcher(name).matches() && !name.matches("(.*\\.)?[0-9]+");
  }

  private static void requirePositive(Duration d, String what) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive");
    }
  }
}
