package io.mailsweep.net.dns;

import io.mailsweep.domain.DomainName;
import java.util.List;

/**
 * The outcome of one question, kept as evidence.
 *
 * @param records records of the asked type (after following CNAMEs), empty unless ANSWER
 * @param cnameChain the aliases followed on the way, in order
 * @param detail human-readable reason for a non-ANSWER status (which server, how many tries)
 * @param truncated whether the UDP answer was truncated and TCP was needed (RFC 7766)
 * @param attempts how many times the question was sent
 */
public record DnsAnswer(
    DomainName name,
    RecordType type,
    DnsStatus status,
    List<DnsRecord> records,
    List<String> cnameChain,
    String detail,
    boolean truncated,
    int attempts) {

  public DnsAnswer {
    records = List.copyOf(records);
    cnameChain = List.copyOf(cnameChain);
  }

  public static DnsAnswer failure(DomainName name, RecordType type, DnsStatus status, String detail) {
    return new DnsAnswer(name, type, status, List.of(), List.of(), detail, false, 1);
  }

  public DnsAnswer withStatus(DnsStatus newStatus, String newDetail) {
    return new DnsAnswer(name, type, newStatus, records, cnameChain, newDetail, truncated, attempts);
  }

  public DnsAnswer withAttempts(int n) {
    return new DnsAnswer(name, type, status, records, cnameChain, detail, truncated, n);
  }

  /** One line for the report: the question and what came back. */
  public String describe() {
    String base = name + " " + type + ": " + status;
    return detail == null || detail.isEmpty() ? base : base + " (" + detail + ")";
  }
}
