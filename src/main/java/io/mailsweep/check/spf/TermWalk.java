package io.mailsweep.check.spf;

import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.Dns;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.RecordType;
import java.net.Inet4Address;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One term of the policy walk: counts, follows includes, sizes ranges, flags risky use. */
final class TermWalk {
  private final PolicyWalk walk;
  private final PolicyWalk.WalkState state;
  private final Dns dns;
  private final SpfThresholds thresholds;

  TermWalk(PolicyWalk walk, Dns dns, SpfThresholds thresholds) {
    this.walk = walk;
    this.state = walk.state;
    this.dns = dns;
    this.thresholds = thresholds;
  }

  CompletableFuture<Void> term(Mechanism m, String domain, List<String> chain, PolicyWalk.Role role) {
    if (m.type().countsLookup()) {
      state.countLookup(chain, m.text(), walk.limits());
    }
    switch (m.type()) {
      case INCLUDE:
        return walk.follow(m.domainSpec(), domain, chain, "include:", PolicyWalk.Role.INCLUDE);
      case A:
        return lookup(m, domain, RecordType.A);
      case MX:
        return lookup(m, domain, RecordType.MX);
      case PTR:
        state.add(SpfFinding.SPF_PTR_USED.with("'" + m.text() + "' in the record of " + domain + PolicyWalk.path(chain)));
        return done();
      case IP4:
      case IP6:
        range(m, domain);
        return done();
      case ALL:
        if (role != PolicyWalk.Role.INCLUDE && state.allQualifier == null) {
          state.allQualifier = m.qualifier().symbol() + "all";
        }
        return done();
      default:
        return done();
    }
  }

  /** One query for a or mx: address count and void lookups; host names of mx are not resolved. */
  private CompletableFuture<Void> lookup(Mechanism m, String domain, RecordType type) {
    String target = m.domainSpec() == null ? domain : m.domainSpec();
    DomainName name = target.indexOf('%') >= 0 ? null : SpfLookups.validDomain(target);
    if (name == null || !state.mayQuery(thresholds.maxWalkQueries())) {
      return done();
    }
    return dns.query(name, type).thenAccept(answer -> {
      if (!answer.status().conclusive()) {
        state.temperror("the " + type + " lookup for '" + m.text() + "' failed: " + answer.describe(), "");
        return;
      }
      if (answer.records().isEmpty()) {
        state.voids++;
      } else if (type == RecordType.A) {
        state.ipv4 += answer.records().size() * (1L << (32 - m.effectiveIp4Prefix()));
      }
    });
  }

  private void range(Mechanism m, String domain) {
    boolean v4 = m.network() instanceof Inet4Address;
    int prefix = v4 ? m.effectiveIp4Prefix() : m.effectiveIp6Prefix();
    if (v4) {
      state.ipv4 += 1L << (32 - prefix);
    }
    int everyone = v4 ? thresholds.everyoneIp4Prefix() : thresholds.everyoneIp6Prefix();
    int broad = v4 ? thresholds.broadIp4Prefix() : thresholds.broadIp6Prefix();
    if (prefix < everyone) {
      state.add(SpfFinding.SPF_ALLOWS_EVERYONE.with("'" + m.text() + "' in the record of " + domain
          + " authorises a /" + prefix + " range"));
    } else if (prefix < broad) {
      state.add(SpfFinding.SPF_BROAD_RANGE.with("'" + m.text() + "' in the record of " + domain
          + " authorises a /" + prefix + " range"));
    }
  }

  private static CompletableFuture<Void> done() {
    return CompletableFuture.completedFuture(null);
  }

}
