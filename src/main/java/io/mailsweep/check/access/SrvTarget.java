package io.mailsweep.check.access;

import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.DnsRecord;
import java.util.Locale;

/**
 * One SRV record's target (RFC 2782): where a service is offered. A target of {@code .} is not a
 * target: it says the service is decidedly not offered (RFC 2782, RFC 6186 §3.4), see {@link
 * #notOffered()}.
 */
record SrvTarget(int priority, int weight, int port, DomainName host) {

  /** The record's target, or null for the "not offered" target or a record that cannot be read. */
  static SrvTarget parse(DnsRecord record) {
    String[] f = record.data().trim().split("\\s+");
    if (f.length != 4) {
      return null;
    }
    try {
      int priority = Integer.parseInt(f[0]);
      int weight = Integer.parseInt(f[1]);
      int port = Integer.parseInt(f[2]);
      if (priority < 0 || priority > 65535 || weight < 0 || weight > 65535 || port < 1 || port > 65535) {
        return null;
      }
      String name = f[3].endsWith(".") ? f[3].substring(0, f[3].length() - 1) : f[3];
      if (name.isEmpty() || DomainName.problem(name) != null) {
        return null;
      }
      return new SrvTarget(priority, weight, port, DomainName.of(name.toLowerCase(Locale.ROOT)));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Whether the record is RFC 2782's "decidedly not available" form: target {@code .}. */
  static boolean notOffered(DnsRecord record) {
    String[] f = record.data().trim().split("\\s+");
    return f.length == 4 && f[3].equals(".");
  }

  String where() {
    return host + ":" + port;
  }
}
