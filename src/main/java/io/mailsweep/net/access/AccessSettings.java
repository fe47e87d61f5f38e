package io.mailsweep.net.access;

import io.mailsweep.net.smtp.SmtpSettings;
import java.time.Duration;

/**
 * Every bound of one mail-access probe. Defaults and their sources:
 *
 * @param connectTimeout the TCP connection attempt (10 s, as for SMTP)
 * @param greetingTimeout the whole greeting, however it is dripped (20 s; RFC 9051 and RFC 1939 set
 *     no limit, RFC 5321 §4.5.3.2.1 allows an SMTP server 5 minutes; a scanner cannot wait that
 *     long per address)
 * @param commandTimeout each command's whole response, and the TLS handshake (10 s; RFC 9051 §5.4
 *     asks servers to wait 30 minutes for an idle client, but nothing bounds a reply, see above)
 * @param totalDeadline the whole probe of one address, the legacy-protocol retry included (30 s)
 * @param maxLineLength octets in one response line, line end included (8 KiB: RFC 9051 §4 sets no
 *     line limit and IMAP CAPABILITY lines of real servers run to several hundred octets; RFC 2449
 *     §4 allows 512 for POP3 and RFC 5321 §4.5.3.1.5 512 for SMTP replies, both exceeded in the wild)
 * @param maxResponseLines lines in one response (100; a CAPA or EHLO response has about 15, an IMAP
 *     server may send untagged data before the tagged reply)
 * @param maxResponseBytes octets in one whole response (64 KiB), whatever its line count
 * @param ehloName the name sent in EHLO to submission servers; a syntactically valid host name as
 *     {@link SmtpSettings#ehloName()} (RFC 5321 §4.1.1.1). Default {@code mailsweep.invalid}, the
 *     {@code .invalid} TLD of RFC 2606 §2
 */
public record AccessSettings(
    Duration connectTimeout,
    Duration greetingTimeout,
    Duration commandTimeout,
    Duration totalDeadline,
    int maxLineLength,
    int maxResponseLines,
    int maxResponseBytes,
    String ehloName) {

  /** The shortest line that can hold the shortest response, {@code +OK} and CRLF. */
  static final int MIN_LINE_LENGTH = 5;

  public static final AccessSettings DEFAULTS =
      new AccessSettings(
          Duration.ofSeconds(10),
          Duration.ofSeconds(20),
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          8 * 1024,
          100,
          64 * 1024,
          "mailsweep.invalid");

  public AccessSettings {
    requirePositive(connectTimeout, "access connect timeout");
    requirePositive(greetingTimeout, "access greeting timeout");
    requirePositive(commandTimeout, "access command timeout");
    requirePositive(totalDeadline, "access probe deadline");
    if (maxLineLength < MIN_LINE_LENGTH) {
      throw new IllegalArgumentException("access response line limit must be at least " + MIN_LINE_LENGTH);
    }
    if (maxResponseLines < 1) {
      throw new IllegalArgumentException("access response line count limit must be at least 1");
    }
    if (maxResponseBytes < maxLineLength) {
      throw new IllegalArgumentException("access response size limit must hold at least one line");
    }
    if (!SmtpSettings.isHostName(ehloName)) {
      throw new IllegalArgumentException("EHLO name is not a host name: '" + ehloName + "'");
    }
  }

  /** These settings with other timeouts; handy for tests and tight lab runs. */
  public AccessSettings withTimeouts(Duration connect, Duration greeting, Duration command, Duration total) {
    return new AccessSettings(connect, greeting, command, total, maxLineLength, maxResponseLines, maxResponseBytes,
        ehloName);
  }

  /** These settings with other response limits. */
  public AccessSettings withResponseLimits(int lineLength, int lines, int bytes) {
    return new AccessSettings(connectTimeout, greetingTimeout, commandTimeout, totalDeadline, lineLength, lines,
        bytes, ehloName);
  }

  /** These settings with another EHLO name. */
  public AccessSettings withEhloName(String name) {
    return new AccessSettings(connectTimeout, greetingTimeout, commandTimeout, totalDeadline, maxLineLength,
        maxResponseLines, maxResponseBytes, name);
  }

  private static void requirePositive(Duration d, String what) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive");
    }
  }
}
