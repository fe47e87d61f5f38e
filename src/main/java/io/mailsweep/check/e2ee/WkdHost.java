package io.mailsweep.check.e2ee;

import io.mailsweep.domain.DomainName;
import io.mailsweep.net.TargetGuard;
import io.mailsweep.net.dns.DnsAnswer;
import java.net.InetAddress;
import java.util.List;

/**
 * Where the Web Key Directory of one mail domain would be served, as our DNS and the target guard
 * saw it (draft-koch-openpgp-webkey-service §3.1).
 *
 * @param method the method in use; null when neither host has an address or the lookups failed
 * @param host the host of {@code method}, or null with it
 * @param lookups the A and AAAA answers asked, advanced host first, as evidence
 * @param refused addresses of {@code host} the guard did not let us contact, in answer order
 * @param allowed addresses of {@code host} we may contact, in answer order
 * @param failure the lookups that failed when they left the method undecided, else null
 */
public record WkdHost(DomainName domain, WkdMethod method, DomainName host, List<DnsAnswer> lookups,
    List<Refused> refused, List<InetAddress> allowed, String failure) {

  /** An address not contacted, and why. */
  public record Refused(String address, TargetGuard.Refusal refusal) {}

  public WkdHost {
    lookups = List.copyOf(lookups);
    refused = List.copyOf(refused);
    allowed = List.copyOf(allowed);
  }

  /** Whether every address was refused as special-purpose: no client on the internet reaches the host. */
  public boolean onlySpecialAddresses() {
    return allowed.isEmpty() && !refused.isEmpty() && refused.stream().allMatch(r -> r.refusal().special());
  }
}
