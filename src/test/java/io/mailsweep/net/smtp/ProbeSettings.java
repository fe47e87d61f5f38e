package io.mailsweep.net.smtp;

import java.time.Duration;

/** Tight limits so that every timeout in these tests costs well under a second. */
final class ProbeSettings {
  static final Duration CONNECT = Duration.ofMillis(500);
  static final Duration BANNER = Duration.ofMillis(500);
  static final Duration COMMAND = Duration.ofMillis(800);
  static final Duration TOTAL = Duration.ofSeconds(5);

  private ProbeSettings() {}

  /** Only the main conversation. */
  static SmtpSettings mainOnly() {
    return SmtpSettings.DEFAULTS.withTimeouts(CONNECT, BANNER, COMMAND, TOTAL).withExtraHandshakes(false, false);
  }

  static SmtpSettings withVersions() {
    return mainOnly().withExtraHandshakes(true, false);
  }

  static SmtpSettings withWeakCiphers() {
    return mainOnly().withExtraHandshakes(false, true);
  }
}
