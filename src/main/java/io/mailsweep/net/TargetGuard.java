package io.mailsweep.net;

import com.google.common.net.InetAddresses;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsRecord;
import java.net.InetAddress;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Decides whether mailsweep may open a connection to an address that third-party DNS gave it (an
 * MX host, an {@code mta-sts} host). By default special-purpose addresses (loopback, private,
 * link-local, CGNAT, metadata, ...) are refused, so that a hostile record cannot turn the scanner
 * against its own network; labs name the loopback ranges they use with {@code --allow-targets}.
 * Every adapter that connects asks first, with the address it is about to connect to.
 */
public interface TargetGuard {
  /** Null when {@code address} may be contacted, else why not. */
  Refusal check(InetAddress address);

  /**
   * Puts every address of the A and AAAA {@code answers} to this guard, in order: the allowed go
   * to {@code allowed}, the refused to {@code refused} with the record's text. Records that are not
   * address literals are skipped; nothing is resolved.
   */
  default void sort(List<DnsAnswer> answers, List<InetAddress> allowed, BiConsumer<String, Refusal> refused) {
    for (DnsAnswer answer : answers) {
      for (DnsRecord r : answer.records()) {
        InetAddress ip = literal(r.data());
        if (ip == null) {
          continue;
        }
        Refusal refusal = check(ip);
        if (refusal != null) {
          refused.accept(r.data(), refusal);
        } else {
          allowed.add(ip);
        }
      }
    }
  }

  /** An address literal from an A or AAAA answer, or null; never resolves a name. */
  static InetAddress literal(String text) {
    String s = text.strip();
    return InetAddresses.isInetAddress(s) ? InetAddresses.forString(s) : null;
  }

  /**
   * Why an address is not contacted.
   *
   * @param special true for a special-purpose address (RFC 6890), false for one outside the
   *     allowed ranges
   * @param reason one line for the report, naming the address and its class
   */
  record Refusal(boolean special, String reason) {}
}
