package io.mailsweep.check.tlsrpt;

import io.mailsweep.check.Check;
import io.mailsweep.check.CheckResult;
import io.mailsweep.check.ScanTarget;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.Dns;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsStatus;
import io.mailsweep.net.dns.RecordType;
import java.util.concurrent.CompletableFuture;

/** The SMTP TLS Reporting check (RFC 8460): the policy record at {@code _smtp._tls.<domain>}. */
public final class TlsRptCheck implements Check {
  public static final String NAME = "tlsrpt";

  /** RFC 8460 §3: where the policy record is published, below the policy domain. */
  static final String PREFIX = "_smtp._tls";

  private final Dns dns;

  public TlsRptCheck(Dns dns) {
    this.dns = dns;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletableFuture<CheckResult> run(ScanTarget target) {
    DomainName domain = target.domain();
    String name = PREFIX + "." + domain.text();
    if (DomainName.problem(name) != null) {
      // A domain within 11 characters of the 253 limit: no record can exist for it.
      return CompletableFuture.completedFuture(TlsRptEvaluator.evaluate(DnsAnswer.failure(domain, RecordType.TXT,
          DnsStatus.NXDOMAIN, name + " would be longer than " + DomainName.MAX_LENGTH + " characters")));
    }
    return dns.query(DomainName.of(name), RecordType.TXT).thenApply(TlsRptEvaluator::evaluate);
  }
}
