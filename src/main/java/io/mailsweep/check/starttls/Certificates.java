package io.mailsweep.check.starttls;

import io.mailsweep.check.transport.CertificateReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Certificate column of a domain: {@code valid} when every certificate seen authenticates its
 * MX host, else the problems with the hosts they concern. STARTTLS without an authenticated
 * certificate is still encrypted (opportunistic TLS, RFC 7435) but not protected against an
 * active attacker unless MTA-STS or DANE says what to expect.
 */
final class Certificates {
  private Certificates() {}

  static String status(List<Observed> servers) {
    List<String> problems = new ArrayList<>();
    int seen = 0;
    for (Observed s : servers) {
      CertificateReport c = s.certificate();
      if (c == null) {
        continue;
      }
      seen++;
      if (c.validation() != CertificateReport.Validation.VALID) {
        String p = describe(c) + " (" + s.probe().host() + ")";
        if (!problems.contains(p)) {
          problems.add(p);
        }
      }
    }
    if (seen == 0) {
      return "";
    }
    return problems.isEmpty() ? "valid" : String.join("; ", problems);
  }

  /** The validation in words: {@code expired}, {@code name mismatch}, ... */
  static String describe(CertificateReport c) {
    return c.validation().name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
