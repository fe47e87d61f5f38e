package io.mailsweep.check.spf;

import io.mailsweep.check.Finding;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.Dns;
import io.mailsweep.net.dns.DnsStatus;
import io.mailsweep.net.dns.RecordType;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Answers an auditor's two questions about a domain's SPF without a client address: can
 * receivers evaluate it at all, and does it restrict who may send.
 */
public final class SpfAnalyser {
  private final Dns dns;
  private final SpfLimits limits;
  private final SpfThresholds thresholds;

  public SpfAnalyser(Dns dns, SpfLimits limits, SpfThresholds thresholds) {
    this.dns = dns;
    this.limits = limits;
    this.thresholds = thresholds;
  }

  public CompletableFuture<SpfAnalysis> analyse(DomainName domain) {
    PolicyWalk walk = new PolicyWalk(dns, limits, thresholds);
    CompletableFuture<Void> spfType = dns.query(domain, RecordType.SPF).thenAccept(a -> {
      if (a.status() == DnsStatus.ANSWER) {
        walk.state.add(SpfFinding.SPF_RR_TYPE_USED.with(domain + " publishes an SPF-type (99) record"));
      }
    });
    return walk.record(domain.text(), List.of(domain.text()), PolicyWalk.Role.TOP)
        .thenCombine(spfType, (a, b) -> conclude(walk.state));
  }

  private SpfAnalysis conclude(PolicyWalk.WalkState s) {
    if (s.validity == SpfValidity.VALID || s.validity == SpfValidity.PERMERROR) {
      limitsAndAll(s);
    }
    return new SpfAnalysis(s.validity, s.reason, s.record, s.lookups, s.voids, s.allQualifier, s.ipv4,
        List.copyOf(s.includes), s.findings, s.evidence);
  }

  private void limitsAndAll(PolicyWalk.WalkState s) {
    if (s.lookups > limits.dnsLookups()) {
      s.permerror(SpfFinding.SPF_TOO_MANY_LOOKUPS, s.lookups + " DNS-querying terms on the worst path, over the"
          + " limit of " + limits.dnsLookups() + "; the limit is passed at " + s.overflowPath);
    }
    if (s.voids > limits.voidLookups()) {
      s.permerror(SpfFinding.SPF_TOO_MANY_VOID_LOOKUPS, s.voids + " lookups without records, over the limit of "
          + limits.voidLookups());
    }
    Finding all = allFinding(s.allQualifier);
    if (all != null) {
      s.add(all);
    }
  }

  private static Finding allFinding(String qualifier) {
    if (qualifier == null) {
      return null;
    }
    switch (qualifier) {
      case "+all":
        return SpfFinding.SPF_PASS_ALL.with("The policy ends in +all: every host may send");
      case "?all":
        return SpfFinding.SPF_NEUTRAL_ALL.with("The policy ends in ?all: unlisted senders are neutral");
      case "~all":
        return SpfFinding.SPF_SOFTFAIL_ALL.with("The policy ends in ~all: unlisted senders soft-fail");
      default:
        return null;
    }
  }
}
