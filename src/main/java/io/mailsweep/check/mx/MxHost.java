package io.mailsweep.check.mx;

import io.mailsweep.domain.DomainName;
import java.util.List;

/**
 * One host that receives a domain's mail, as a later transport probe needs it.
 *
 * @param preference the MX preference; 0 for an implicit MX (RFC 5321 §5.1)
 * @param addresses the host's IPv4 then IPv6 addresses in presentation form, possibly empty
 */
public record MxHost(DomainName name, int preference, List<String> addresses) {
  public MxHost {
    addresses = List.copyOf(addresses);
  }
}
