package io.mailsweep.check.starttls;

import io.mailsweep.check.transport.CertificateReport;
import io.mailsweep.check.transport.ServerProbe;
import io.mailsweep.net.smtp.SmtpOutcome;

/**
 * One MX address as the STARTTLS check judges it: the probe and, when the server presented a
 * certificate, its evaluation for the MX host name.
 *
 * @param certificate null when no certificate was presented
 */
record Observed(ServerProbe probe, CertificateReport certificate) {

  /** How the address answered the question "does it offer STARTTLS?". */
  enum Answer {
    YES,
    NO,
    NOT_TESTED
  }

  Answer answer() {
    if (!probe.probed() || !probe.result().outcome().tested()) {
      return Answer.NOT_TESTED;
    }
    return probe.result().outcome() == SmtpOutcome.TLS ? Answer.YES : Answer.NO;
  }

  boolean ipv6() {
    return probe.address().contains(":");
  }

  /** Why the address was not tested, one line. */
  String notTestedReason() {
    if (!probe.probed()) {
      return probe.skipDetail();
    }
    return probe.result().outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": "
        + probe.result().detail();
  }

  String label() {
    return probe.host() + " (" + probe.address() + ")";
  }
}
