package io.mailsweep.check.spf;

import io.mailsweep.domain.DomainName;
import java.net.Inet4Address;
import java.net.InetAddress;

/** The in-addr.arpa / ip6.arpa name of an address (RFC 1035 §3.5, RFC 3596 §2.5). */
final class ReverseName {
  private ReverseName() {}

  static DomainName of(InetAddress ip) {
    byte[] b = ip.getAddress();
    StringBuilder s = new StringBuilder();
    if (ip instanceof Inet4Address) {
      for (int i = b.length - 1; i >= 0; i--) {
        s.append(b[i] & 0xff).append('.');
      }
      return DomainName.of(s.append("in-addr.arpa").toString());
    }
    for (int i = b.length - 1; i >= 0; i--) {
      s.append(Character.forDigit(b[i] & 0xf, 16)).append('.');
      s.append(Character.forDigit((b[i] >> 4) & 0xf, 16)).append('.');
    }
    return DomainName.of(s.append("ip6.arpa").toString());
  }
}
