package io.mailsweep.check.spf;

import io.mailsweep.check.Finding;
import java.util.List;

/**
 * What a receiver would make of a domain's SPF policy, found without a client address.
 *
 * @param validity whether receivers can evaluate the policy at all
 * @param reason why it is PERMERROR or TEMPERROR (which lookup, which term), else null
 * @param lookups DNS-querying terms on the worst path (every term evaluated, nested includes
 *     and redirects counted), RFC 7208 §4.6.4
 * @param voidLookups lookups on that path that found no records
 * @param allQualifier the policy's final {@code all} ("-all", "~all", ...), following redirects;
 *     null when there is none
 * @param ipv4Addresses IPv4 addresses the policy authorises (ip4 ranges, a records)
 * @param includes every include target, in the order met
 */
public record SpfAnalysis(
    SpfValidity validity,
    String reason,
    String record,
    int lookups,
    int voidLookups,
    String allQualifier,
    long ipv4Addresses,
    List<String> includes,
    List<Finding> findings,
    List<String> evidence) {

  public SpfAnalysis {
    includes = List.copyOf(includes);
    findings = List.copyOf(findings);
    evidence = List.copyOf(evidence);
  }
}
