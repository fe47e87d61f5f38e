package io.mailsweep.check.mx;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.DnsEvidence;
import io.mailsweep.check.Finding;
import io.mailsweep.check.FindingDefinition;
import io.mailsweep.check.Severity;
import io.mailsweep.check.Status;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsRecord;
import io.mailsweep.net.dns.DnsStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges a domain's mail routing from DNS answers alone (RFC 5321 §5.1, RFC 7505): the MX answer
 * and, for each host resolved, its A and AAAA answers. Any lookup that did not conclude makes the
 * result inconclusive, since the transport probe needs every host.
 */
public final class MxEvaluator {
  static final String NAME = "mx";

  private MxEvaluator() {}

  /**
   * @param mx the MX answer for {@code domain}
   * @param lookups for an MX answer the hosts of {@link MxPlan#of}; for NODATA the domain itself at
   *     preference 0; otherwise empty
   */
  static MxEvaluation evaluate(DomainName domain, DnsAnswer mx, List<HostLookup> lookups) {
    return evaluate(domain, mx, lookups, MxPlan.MAX_HOSTS);
  }

  /** As {@link #evaluate(DomainName, DnsAnswer, List)} with at most {@code maxHosts} hosts resolved. */
  static MxEvaluation evaluate(DomainName domain, DnsAnswer mx, List<HostLookup> lookups, int maxHosts) {
    List<String> evidence = evidence(mx, lookups);
    if (!mx.status().conclusive()) {
      return inconclusive(domain, MxHosts.Kind.NONE, "MX lookup failed: " + mx.describe(), evidence, List.of());
    }
    if (mx.status() == DnsStatus.NXDOMAIN) {
      return none(domain, "none (domain does not exist)", MxFinding.MX_DOMAIN_NXDOMAIN
          .with(domain + " does not exist (NXDOMAIN)"), evidence);
    }
    List<MxHost> hosts = hosts(lookups);
    String failed = failures(lookups);
    if (failed != null) {
      MxHosts.Kind kind = mx.status() == DnsStatus.NODATA ? MxHosts.Kind.IMPLICIT : MxHosts.Kind.EXPLICIT;
      return inconclusive(domain, kind, failed, evidence, hosts);
    }
    return mx.status() == DnsStatus.NODATA
        ? implicit(domain, hosts.get(0), evidence)
        : explicit(domain, MxPlan.of(mx, maxHosts), lookups, hosts, evidence, maxHosts);
  }

  private static MxEvaluation implicit(DomainName domain, MxHost self, List<String> evidence) {
    if (self.addresses().isEmpty()) {
      return none(domain, "none", MxFinding.MX_NONE.with(domain
          + " has no MX and no A/AAAA records: it cannot receive mail"), evidence);
    }
    Finding f = MxFinding.MX_IMPLICIT.with(domain + " has no MX records; mail goes to its own address"
        + (self.addresses().size() == 1 ? " " : "es ") + String.join(", ", self.addresses()));
    CheckResult r = new CheckResult(NAME, Severity.statusOf(List.of(f)),
        "implicit MX: " + domain + " (" + count(self.addresses().size()) + ")", null, List.of(f), evidence);
    return new MxEvaluation(r, new MxHosts(domain, MxHosts.Kind.IMPLICIT, List.of(self), true));
  }

  private static MxEvaluation explicit(DomainName domain, MxPlan plan, List<HostLookup> lookups,
      List<MxHost> hosts, List<String> evidence, int maxHosts) {
    if (plan.total() == 0) {
      if (plan.nullMx()) {
        CheckResult r = new CheckResult(NAME, Status.NOT_APPLICABLE, "null MX (accepts no mail)", null,
            List.of(), evidence);
        return new MxEvaluation(r, new MxHosts(domain, MxHosts.Kind.NULL_MX, List.of(), true));
      }
      return none(domain, "none", MxFinding.MX_NONE.with(domain
          + " has MX records but none is usable: it cannot receive mail"), evidence);
    }
    List<Finding> findings = findings(domain, plan, lookups, hosts, maxHosts);
    CheckResult r = new CheckResult(NAME, Severity.statusOf(findings), MxSummary.of(hosts, plan.total()),
        null, findings, evidence);
    return new MxEvaluation(r, new MxHosts(domain, MxHosts.Kind.EXPLICIT, hosts, true));
  }

  private static List<Finding> findings(DomainName domain, MxPlan plan, List<HostLookup> lookups,
      List<MxHost> hosts, int maxHosts) {
    List<Finding> out = new ArrayList<>();
    if (plan.nullMx()) {
      out.add(MxFinding.MX_NULL_MIXED.with(domain + " publishes a null MX (\"0 .\") together with "
          + plan.total() + " other MX " + (plan.total() == 1 ? "record" : "records")));
    }
    if (plan.total() > maxHosts) {
      out.add(MxFinding.MX_TOO_MANY_HOSTS.with(domain + " has " + plan.total() + " MX hosts; only the first "
          + maxHosts + " by preference were checked"));
    }
    boolean anyAddress = hosts.stream().anyMatch(h -> !h.addresses().isEmpty());
    for (HostLookup l : lookups) {
      out.addAll(hostFindings(l, anyAddress));
    }
    return out;
  }

  private static List<Finding> hostFindings(HostLookup l, boolean anyAddress) {
    DomainName host = l.record().exchange();
    if (!l.lookedUp()) {
      return List.of(MxFinding.MX_TARGET_IP_LITERAL.with("MX " + l.record().preference() + " " + host
          + " is an IP address, not a host name"));
    }
    List<Finding> out = new ArrayList<>();
    List<String> chain = !l.a().cnameChain().isEmpty() ? l.a().cnameChain() : l.aaaa().cnameChain();
    if (!chain.isEmpty()) {
      out.add(MxFinding.MX_TARGET_CNAME.with("MX target " + host + " is an alias (CNAME " + chain + ")"));
    }
    if (addresses(l).isEmpty()) {
      Finding f = MxFinding.MX_HOST_NO_ADDRESS.with("MX host " + host + " has no A or AAAA record"
          + (anyAddress ? "" : "; no MX host of the domain has an address"));
      out.add(anyAddress ? f : raised(f));
    }
    return out;
  }

  /** The finding at HIGH: every host lacks an address, so no mail can be delivered. */
  private static Finding raised(Finding f) {
    FindingDefinition d = MxFinding.MX_HOST_NO_ADDRESS.definition();
    return new Finding(d.code(), Severity.HIGH, f.message(), d.remediation(), d.reference());
  }

  private static MxEvaluation none(DomainName domain, String summary, Finding f, List<String> evidence) {
    CheckResult r = new CheckResult(NAME, Severity.statusOf(List.of(f)), summary, null, List.of(f), evidence);
    return new MxEvaluation(r, new MxHosts(domain, MxHosts.Kind.NONE, List.of(), true));
  }

  private static MxEvaluation inconclusive(DomainName domain, MxHosts.Kind kind, String reason,
      List<String> evidence, List<MxHost> hosts) {
    return new MxEvaluation(CheckResult.inconclusive(NAME, reason, evidence),
        new MxHosts(domain, kind, hosts, false));
  }

  /** The failed address lookups, each named, or null when all concluded. */
  private static String failures(List<HostLookup> lookups) {
    List<String> failed = new ArrayList<>();
    for (HostLookup l : lookups) {
      for (DnsAnswer a : l.lookedUp() ? List.of(l.a(), l.aaaa()) : List.<DnsAnswer>of()) {
        if (!a.status().conclusive()) {
          failed.add(a.type() + " lookup of MX host " + a.name() + " failed: " + a.describe());
        }
      }
    }
    return failed.isEmpty() ? null : String.join("; ", failed);
  }

  private static List<MxHost> hosts(List<HostLookup> lookups) {
    List<MxHost> out = new ArrayList<>();
    for (HostLookup l : lookups) {
      out.add(new MxHost(l.record().exchange(), l.record().preference(), addresses(l)));
    }
    return out;
  }

  private static List<String> addresses(HostLookup l) {
    List<String> out = new ArrayList<>();
    if (l.lookedUp()) {
      l.a().records().stream().map(DnsRecord::data).forEach(out::add);
      l.aaaa().records().stream().map(DnsRecord::data).forEach(out::add);
    }
    return out;
  }

  private static List<String> evidence(DnsAnswer mx, List<HostLookup> lookups) {
    List<String> out = new ArrayList<>(DnsEvidence.of(mx));
    for (HostLookup l : lookups) {
      if (l.lookedUp()) {
        out.addAll(DnsEvidence.of(l.a()));
        out.addAll(DnsEvidence.of(l.aaaa()));
      } else {
        out.add(";; " + l.record().exchange() + " is an IP literal; not looked up");
      }
    }
    return out;
  }

  static String count(int addresses) {
    return addresses + (addresses == 1 ? " address" : " addresses");
  }
}
