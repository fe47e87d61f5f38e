package io.mailsweep.check.spf;

import io.mailsweep.net.dns.DnsRecord;
import io.mailsweep.net.dns.RecordType;
import java.net.Inet4Address;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Evaluates single mechanisms (RFC 7208 §5) for one check_host() run. */
final class Mechanisms {
  private final SpfLookups lookups;
  private final SpfRequest request;
  private final SpfMacros macros;
  private final Addresses addresses;

  Mechanisms(SpfLookups lookups, SpfRequest request, SpfMacros macros, Addresses addresses) {
    this.lookups = lookups;
    this.request = request;
    this.macros = macros;
    this.addresses = addresses;
  }

  /**
   * Whether {@code m} matches. A target that expands to an invalid name (a malformed HELO in
   * %{h}, say) makes a, mx, ptr and exists not match, as the RFC 7208 test suite expects; for
   * include, check_host() of a malformed name is none, hence permerror (§5.2).
   */
  CompletableFuture<Match> match(Mechanism m, String domain, SpfEvaluation evaluation) {
    switch (m.type()) {
      case ALL:
        return done(Match.YES);
      case IP4:
      case IP6:
        return done(Match.of(addresses.inNetwork(m.network(), prefix(m))));
      case INCLUDE:
        return target(m, domain).thenCompose(t -> t == null ? done(invalidTarget(m)) : include(t, evaluation));
      case A:
        return target(m, domain).thenCompose(t -> t == null ? done(Match.NO) : addresses.a(t, prefix(m)));
      case MX:
        return target(m, domain).thenCompose(t -> t == null ? done(Match.NO) : addresses.mx(t, prefix(m)));
      case PTR:
        return target(m, domain).thenCompose(t -> t == null ? done(Match.NO) : ptr(t));
      case EXISTS:
        return target(m, domain).thenCompose(t -> t == null ? done(Match.NO) : exists(t));
      default:
        throw new IllegalStateException("unknown mechanism " + m.type());
    }
  }

  /** The expanded domain-spec as a name, or null when it is not a valid domain. */
  CompletableFuture<String> expandTarget(String domainSpec, String domain) {
    return macros.expandDomain(domainSpec, domain)
        .thenApply(t -> SpfLookups.validDomain(t) == null ? null : t);
  }

  /** §6.2: the exp= text for a fail, or null when it cannot be had. */
  CompletableFuture<String> explanation(String expSpec, String domain) {
    return expandTarget(expSpec, domain).thenCompose(target -> {
      if (target == null) {
        return CompletableFuture.completedFuture(null);
      }
      return lookups.dns().query(SpfLookups.validDomain(target), RecordType.TXT).thenCompose(answer -> {
        List<DnsRecord> records = answer.records();
        if (records.size() != 1) {
          return CompletableFuture.completedFuture(null);
        }
        return macros.expandExplanation(records.get(0).joinedText(), domain);
      });
    });
  }

  private CompletableFuture<String> target(Mechanism m, String domain) {
    if (m.domainSpec() == null) {
      return CompletableFuture.completedFuture(domain);
    }
    return expandTarget(m.domainSpec(), domain);
  }

  /** §5.2: pass matches; fail, softfail and neutral do not; none and errors are permerror/temperror. */
  private CompletableFuture<Match> include(String target, SpfEvaluation evaluation) {
    return evaluation.checkHost(target, false).thenApply(v -> {
      switch (v.result()) {
        case PASS:
          return Match.YES;
        case FAIL:
        case SOFTFAIL:
        case NEUTRAL:
          return Match.NO;
        case TEMPERROR:
          return Match.temperror(v.problem());
        case PERMERROR:
          return Match.permerror(v.problem());
        default:
          return Match.permerror("include:" + target + " has no SPF record");
      }
    });
  }

  /** §5.5: the validated names of the client that equal the target or end in ".target". */
  private CompletableFuture<Match> ptr(String target) {
    return addresses.validatedNames().thenApply(names -> Match.of(names.stream()
        .anyMatch(n -> n.equalsIgnoreCase(target) || n.toLowerCase().endsWith("." + target.toLowerCase()))));
  }

  /** §5.7: any A record matches, whatever the client's address family. */
  private CompletableFuture<Match> exists(String target) {
    return lookups.dns().query(SpfLookups.validDomain(target), RecordType.A).thenApply(answer -> {
      if (!answer.status().conclusive()) {
        return Match.temperror("exists:" + target + ": " + answer.describe());
      }
      if (!lookups.countVoid(answer)) {
        return lookups.voidLimitExceeded();
      }
      return Match.of(!answer.records().isEmpty());
    });
  }

  private int prefix(Mechanism m) {
    return request.ip() instanceof Inet4Address ? m.effectiveIp4Prefix() : m.effectiveIp6Prefix();
  }

  private static Match invalidTarget(Mechanism m) {
    return Match.permerror("'" + m.text() + "' expands to an invalid domain name");
  }

  private static <T> CompletableFuture<T> done(T value) {
    return CompletableFuture.completedFuture(value);
  }
}
