package io.mailsweep.check.dmarc;

import io.mailsweep.check.DnsEvidence;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a domain exists for DMARC's np=: it does not when A, AAAA and MX all come back NXDOMAIN
 * or NODATA (RFC 9091 §2.7, kept by DMARCbis).
 *
 * @param answers the A, AAAA and MX answers for the domain
 */
public record DomainExistence(List<DnsAnswer> answers) {
  public DomainExistence {
    answers = List.copyOf(answers);
  }

  public boolean failed() {
    return answers.stream().anyMatch(a -> !a.status().conclusive());
  }

  public boolean exists() {
    return answers.stream().anyMatch(a -> a.status() == DnsStatus.ANSWER);
  }

  /** Which lookup failed, for an INCONCLUSIVE reason; null if none did. */
  public String failure() {
    return answers.stream().filter(a -> !a.status().conclusive()).findFirst()
        .map(a -> "the " + a.type() + " lookup of " + a.name() + " (to tell whether np= applies) failed: "
            + a.describe())
        .orElse(null);
  }

  public List<String> evidence() {
    List<String> lines = new ArrayList<>();
    answers.forEach(a -> lines.addAll(DnsEvidence.of(a)));
    return lines;
  }
}
