package io.mailsweep.check.mtasts;

import io.mailsweep.check.transport.CertificateJudge;
import io.mailsweep.check.transport.ServerProbe;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.smtp.SmtpOutcome;

/**
 * What one MX address offers a sender enforcing MTA-STS (RFC 8461 §4.2, §5): STARTTLS with a
 * certificate valid for the MX host name, or not, or unknown because it was not tested.
 *
 * @param detail one line: the judge's reason, the probe's outcome or why it was not contacted
 */
public record MxCertificate(DomainName host, String address, Verdict verdict, String detail) {
  /** The outcome for one address. */
  public enum Verdict {
    VALID,
    /** TLS was negotiated and the judge rejected the chain for the host. */
    INVALID,
    /** The server answered but did not complete TLS (no STARTTLS, refused, handshake failure). */
    NO_TLS,
    /** Not contacted, or the probe could not test it (timeouts, port 25 blocked). */
    UNKNOWN
  }

  /** The verdict on a probe of {@code probe.host()} at {@code probe.address()}. */
  public static MxCertificate of(ServerProbe probe, CertificateJudge judge) {
    DomainName host = probe.host();
    if (!probe.probed()) {
      return new MxCertificate(host, probe.address(), Verdict.UNKNOWN, "not contacted: " + probe.skipped()
          + (probe.skipDetail() == null ? "" : " (" + probe.skipDetail() + ")"));
    }
    SmtpOutcome outcome = probe.result().outcome();
    if (outcome == SmtpOutcome.TLS) {
      String failure = probe.result().chain().isEmpty() ? "no certificate presented"
          : judge.failure(host, probe.result().chain());
      return failure == null ? new MxCertificate(host, probe.address(), Verdict.VALID, "certificate valid")
          : new MxCertificate(host, probe.address(), Verdict.INVALID, failure);
    }
    String detail = outcome + (probe.result().detail() == null ? "" : ": " + probe.result().detail());
    return new MxCertificate(host, probe.address(), outcome.tested() ? Verdict.NO_TLS : Verdict.UNKNOWN, detail);
  }

  /** E.g. {@code mx1.example.com [192.0.2.1]}. */
  public String where() {
    return host + " [" + address + "]";
  }
}
