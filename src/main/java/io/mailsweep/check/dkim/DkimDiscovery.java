package io.mailsweep.check.dkim;

import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsStatus;
import java.util.List;

/**
 * Everything DNS said about a domain's DKIM keys: the {@code _domainkey} node, the wildcard check
 * and one answer per planned selector. Built by {@link DkimCheck}, judged by {@link
 * DkimEvaluator}.
 *
 * @param node the TXT answer for {@code _domainkey.<domain>}, asked first
 * @param wildcard the TXT answer for a random selector nobody publishes; null when the node was
 *     NXDOMAIN and nothing else was asked
 * @param answers one answer per {@code plan.probes()}, in the same order; empty when the node was
 *     NXDOMAIN
 */
public record DkimDiscovery(
    DomainName domain, SelectorPlan plan, DnsAnswer node, DnsAnswer wildcard, List<DnsAnswer> answers) {

  public DkimDiscovery {
    answers = List.copyOf(answers);
    if (!shortCircuited(node) && (wildcard == null || answers.size() != plan.probes().size())) {
      throw new IllegalArgumentException("one answer per probe and a wildcard check are needed");
    }
  }

  /**
   * RFC 8020 §2: NXDOMAIN at {@code _domainkey.<domain>} means nothing exists below it, so no
   * selector can; the probes are skipped. (A server that wrongly answers NXDOMAIN for an empty
   * non-terminal would hide keys here; the evidence says the short-cut was taken.)
   */
  public boolean shortCircuited() {
    return shortCircuited(node);
  }

  private static boolean shortCircuited(DnsAnswer node) {
    return node.status() == DnsStatus.NXDOMAIN;
  }
}
