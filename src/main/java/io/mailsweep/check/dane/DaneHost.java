package io.mailsweep.check.dane;

import io.mailsweep.check.mx.MxHost;
import io.mailsweep.check.transport.ServerProbe;
import io.mailsweep.net.dns.DnsAnswer;
import java.util.List;

/**
 * What the DANE check gathered for one MX host.
 *
 * @param tlsa the answer for {@code _<port>._tcp.<host>} TLSA
 * @param probes the host's addresses as probed, in address order; empty unless the TLSA RRset is
 *     authenticated and has a usable record ({@link HostJudge#needsProbe})
 */
public record DaneHost(MxHost host, DnsAnswer tlsa, List<ServerProbe> probes) {
  public DaneHost {
    probes = List.copyOf(probes);
  }
}
