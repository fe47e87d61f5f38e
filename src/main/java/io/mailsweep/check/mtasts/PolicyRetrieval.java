package io.mailsweep.check.mtasts;

import io.mailsweep.domain.DomainName;
import io.mailsweep.net.TargetGuard;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsStatus;
import io.mailsweep.net.https.FetchOutcome;
import io.mailsweep.net.https.FetchResult;
import java.util.ArrayList;
import java.util.List;

/**
 * What the check learnt about the policy host {@code mta-sts.<domain>} (RFC 8461 §3.3).
 *
 * @param a the host's A answer
 * @param aaaa the host's AAAA answer
 * @param refused addresses the target guard did not let us contact, in answer order
 * @param attempts the fetches made, in order; the last is the one that counts
 */
public record PolicyRetrieval(DomainName host, DnsAnswer a, DnsAnswer aaaa, List<Refused> refused,
    List<Attempt> attempts) {

  /** An address not contacted, and why. */
  public record Refused(String address, TargetGuard.Refusal refusal) {}

  /** One fetch from one address, of {@code url} (which names the port when it is not 443). */
  public record Attempt(String address, String url, FetchResult result) {}

  public PolicyRetrieval {
    refused = List.copyOf(refused);
    attempts = List.copyOf(attempts);
  }

  /** The fetch that counts, or null when none was made. */
  public FetchResult result() {
    return attempts.isEmpty() ? null : attempts.get(attempts.size() - 1).result();
  }

  /** The policy text when a fetch returned one. */
  public String body() {
    FetchResult r = result();
    return r != null && r.outcome() == FetchOutcome.OK ? r.body() : null;
  }

  /** Whether the A or AAAA answer gave at least one record. */
  public boolean hasAddresses() {
    return a.status() == DnsStatus.ANSWER || aaaa.status() == DnsStatus.ANSWER;
  }

  /** The address lookups that did not conclude, described; null when both did. */
  public String lookupFailure() {
    List<String> failed = new ArrayList<>();
    for (DnsAnswer answer : List.of(a, aaaa)) {
      if (!answer.status().conclusive()) {
        failed.add(answer.describe());
      }
    }
    return failed.isEmpty() ? null : String.join("; ", failed);
  }
}
