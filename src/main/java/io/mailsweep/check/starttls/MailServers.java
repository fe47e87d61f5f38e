package io.mailsweep.check.starttls;

import io.mailsweep.check.starttls.Observed.Answer;
import io.mailsweep.check.transport.CertificateReport;
import io.mailsweep.check.transport.MailServer;
import io.mailsweep.net.smtp.SmtpProbeResult;
import java.util.List;

/** The Mail servers sheet's rows for a domain's probed addresses. */
final class MailServers {
  private MailServers() {}

  static List<MailServer> rows(List<Observed> servers) {
    return servers.stream().map(MailServers::row).toList();
  }

  private static MailServer row(Observed s) {
    String host = s.probe().host().text();
    if (!s.probe().probed()) {
      return new MailServer(host, s.probe().address(), s.probe().port(), "not tested: " + s.probe().skipDetail(),
          null, null, null, null, null, null, null, null, null, s.probe().skipDetail());
    }
    SmtpProbeResult r = s.probe().result();
    String starttls = s.answer() == Answer.YES ? "yes" : s.answer() == Answer.NO ? "no" : "not tested";
    CertificateReport c = s.certificate();
    String weak = r.weakCiphersAccepted().isEmpty() ? (r.weakCiphersNote() == null ? "" : "none accepted")
        : String.join(" ", r.weakCiphersAccepted());
    return new MailServer(host, s.probe().address(), s.probe().port(), starttls, r.protocol(), r.cipherSuite(),
        String.join(" ", StartTlsEvaluator.accepted(s)), weak,
        c == null ? null : c.subject(), c == null ? null : c.issuer(),
        c == null || c.notAfter() == null ? null : c.notAfter().toString(), c == null ? null : key(c),
        c == null ? null : validation(c), r.detail());
  }

  private static String key(CertificateReport c) {
    return c.keyType() == null ? null : c.keyType() + " " + c.keyBits() + " bits, " + c.signatureAlgorithm();
  }

  private static String validation(CertificateReport c) {
    String base = Certificates.describe(c);
    return c.validation() == CertificateReport.Validation.VALID || c.chainProblem() == null
        ? base : base + ": " + c.chainProblem();
  }
}
