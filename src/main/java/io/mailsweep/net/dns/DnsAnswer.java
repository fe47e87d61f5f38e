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
 * @param authenticated true only when DNSSEC proved the answer (its records, or the denial)
 *     secure, either by our own validation from the configured trust anchors or by a resolver
 *     trusted to validate and reporting it with the AD bit (RFC 4035 §3.2.3, RFC 6840 §5.7); false
 *     for insecure, unvalidated and failed answers and when DNSSEC is not configured
 */
public record DnsAnswer(
    DomainName name,
    RecordType type,
    DnsStatus status,
    List<DnsRecord> records,
    List<String> cnameChain,
    String detail,
    boolean truncated,
    int attempts,
    boolean authenticated) {

  public DnsAnswer {
    records = List.copyOf(records);
    cnameChain = List.copyOf(cnameChain);
  }

  /** An answer DNSSEC did not authenticate. */
  public DnsAnswer(
      DomainName name,
      RecordType type,
      DnsStatus status,
      List<DnsRecord> records,
      List<String> cnameChain,
      String detail,
      boolean truncated,
      int attempts) {
    this(name, type, status, records, cnameChain, detail, truncated, attempts, false);
  }

  public static DnsAnswer failure(DomainName name, RecordType type, DnsStatus status, String detail) {
    return new DnsAnswer(name, type, status, List.of(), List.of(), detail, false, 1);
  }

  public DnsAnswer withStatus(DnsStatus newStatus, String newDetail) {
    return new DnsAnswer(name, type, newStatus, records, cnameChain, newDetail, truncated, attempts, authenticated);
  }

  public DnsAnswer withAttempts(int n) {
    return new DnsAnswer(name, type, status, records, cnameChain, detail, truncated, n, authenticated);
  }

  /** One line for the report: the question and what came back. */
  public String describe() {
    String base = name + " " + type + ": " + status;
    return detail == null || detail.isEmpty() ? base : base + " (" + detail + ")";
  }
}
