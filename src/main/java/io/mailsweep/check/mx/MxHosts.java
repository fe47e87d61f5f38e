package io.mailsweep.check.mx;

import io.mailsweep.domain.DomainName;
import java.util.List;

/**
 * Where a domain's mail goes: its MX hosts by preference (at most {@link MxPlan#MAX_HOSTS}), or
 * the domain itself for an implicit MX. Consumed by the STARTTLS probe.
 *
 * @param kind how the host list was obtained
 * @param hosts the hosts in preference order; empty for {@link Kind#NULL_MX} and {@link Kind#NONE}
 * @param complete false when a lookup failed, so that some host or address may be missing
 */
public record MxHosts(DomainName domain, Kind kind, List<MxHost> hosts, boolean complete) {

  /** How the domain designates its mail hosts. */
  public enum Kind {
    /** MX records (possibly alongside a null MX, which is ignored here). */
    EXPLICIT,
    /** No MX records: the domain's own address records (RFC 5321 §5.1). */
    IMPLICIT,
    /** Only a null MX: the domain accepts no mail (RFC 7505). */
    NULL_MX,
    /** Neither MX nor address records, or no such domain. */
    NONE
  }

  public MxHosts {
    hosts = List.copyOf(hosts);
  }
}
