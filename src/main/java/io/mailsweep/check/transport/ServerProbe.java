package io.mailsweep.check.transport;

import io.mailsweep.domain.DomainName;
import io.mailsweep.net.smtp.SmtpProbeResult;

/**
 * One MX address as the transport checks see it: probed, or deliberately not contacted.
 *
 * @param address the IP address in presentation form
 * @param skipped why no connection was made; {@link Skip#NONE} when {@code result} is set
 * @param skipDetail one line for the report when skipped, else null
 * @param result the probe's result; null when skipped
 */
public record ServerProbe(
    DomainName host, String address, int port, Skip skipped, String skipDetail, SmtpProbeResult result) {

  /** Why an address was not contacted. */
  public enum Skip {
    NONE,
    /** Loopback, private, link-local, CGNAT or another special-purpose address (RFC 6890). */
    SPECIAL_ADDRESS,
    /** Outside the --allow-targets ranges. */
    NOT_ALLOWED,
    /** The start-of-run canary found outbound SMTP blocked from this network. */
    PORT_BLOCKED,
    /** SMTP probing is switched off for the run. */
    DISABLED
  }

  public static ServerProbe skipped(DomainName host, String address, int port, Skip why, String detail) {
    return new ServerProbe(host, address, port, why, detail, null);
  }

  public boolean probed() {
    return result != null;
  }
}
