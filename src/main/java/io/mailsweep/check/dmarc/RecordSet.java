package io.mailsweep.check.dmarc;

import io.mailsweep.check.DnsEvidence;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsRecord;
import java.util.List;
import java.util.function.Predicate;

/**
 * The records of one kind that a domain publishes at one DNS name, such as the DMARC records at
 * {@code _dmarc.<owner>}: one step of RFC 7489 §6.6.3 policy discovery (and of BIMI's, which copies
 * it).
 *
 * @param owner the domain the records speak for
 * @param answer the TXT answer they were selected from
 * @param records the joined texts of the selected records, empty unless the answer is ANSWER
 */
public record RecordSet(DomainName owner, DnsAnswer answer, List<String> records) {
  public RecordSet {
    records = List.copyOf(records);
  }

  public static RecordSet select(DomainName owner, DnsAnswer answer, Predicate<String> selects) {
    return new RecordSet(owner, answer, answer.records().stream().map(DnsRecord::joinedText).filter(selects).toList());
  }

  /** The lookup said nothing about the name (SERVFAIL, timeout, ...): discovery cannot go on. */
  public boolean failed() {
    return !answer.status().conclusive();
  }

  /** For an INCONCLUSIVE result's reason: which lookup failed and how. */
  public String failure() {
    return "the TXT lookup of " + answer.name() + " failed: " + answer.describe();
  }

  public List<String> evidence() {
    return DnsEvidence.of(answer);
  }
}
