package io.mailsweep.net.dns;

import java.util.List;

/**
 * One resource record as evidence: owner, type, TTL and presentation text.
 *
 * @param strings for TXT and SPF records the character-strings in wire order, otherwise empty
 */
public record DnsRecord(String owner, RecordType type, long ttl, String data, List<String> strings) {
  public DnsRecord {
    strings = List.copyOf(strings);
  }

  /**
   * The TXT character-strings concatenated without separator, as RFC 7208 §3.3 and RFC 7489 §6.6.3
   * require before a record is parsed.
   */
  public String joinedText() {
    return String.join("", strings);
  }

  /** Zone-file-like text for reports: {@code owner TTL TYPE data}. */
  public String presentation() {
    return owner + " " + ttl + " " + type + " " + data;
  }
}
