package io.mailsweep.check.spf;

import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsStatus;
import io.mailsweep.net.dns.RecordType;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One run of check_host() (RFC 7208 §4) including its nested include and redirect evaluations,
 * which share the lookup counters of §4.6.4. Terms are evaluated strictly in order; each step
 * waits for the previous one, so the counters need no synchronisation.
 */
final class SpfEvaluation {
  private final SpfLookups lookups;
  private final Mechanisms mechanisms;

  SpfEvaluation(SpfLookups lookups, Mechanisms mechanisms) {
    this.lookups = lookups;
    this.mechanisms = mechanisms;
  }

  /**
   * check_host() for {@code domain}.
   *
   * @param explain whether an exp= modifier of this record may explain a fail (not inside include)
   */
  CompletableFuture<Verdict> checkHost(String domain, boolean explain) {
    DomainName name = SpfLookups.validDomain(domain);
    if (name == null) {
      return done(Verdict.error(SpfResult.NONE, "'" + domain + "' is not a valid domain name"));
    }
    return lookups.dns().query(name, RecordType.TXT).thenCompose(answer -> withRecord(answer, domain, explain));
  }

  private CompletableFuture<Verdict> withRecord(DnsAnswer answer, String domain, boolean explain) {
    if (!answer.status().conclusive()) {
      return done(Verdict.error(SpfResult.TEMPERROR, "SPF record lookup failed: " + answer.describe()));
    }
    if (answer.status() == DnsStatus.NXDOMAIN) {
      return done(Verdict.error(SpfResult.NONE, domain + " does not exist"));
    }
    List<String> records = SpfRecords.select(answer.records());
    if (records.isEmpty()) {
      return done(Verdict.error(SpfResult.NONE, "no SPF record at " + domain));
    }
    if (records.size() > 1) {
      return done(Verdict.error(SpfResult.PERMERROR, records.size() + " SPF records at " + domain));
    }
    SpfParser.SpfParse parsed = SpfParser.parse(records.get(0));
    if (parsed instanceof SpfParser.SpfParse.Invalid invalid) {
      return done(Verdict.error(SpfResult.PERMERROR, "syntax error in the SPF record of " + domain + ": "
          + invalid.message()));
    }
    return evaluate(((SpfParser.SpfParse.Valid) parsed).record(), domain, explain);
  }

  private CompletableFuture<Verdict> evaluate(SpfRecord record, String domain, boolean explain) {
    return terms(record.mechanisms(), 0, domain).thenCompose(verdict -> {
      if (verdict == null) {
        return afterMechanisms(record, domain, explain);
      }
      if (verdict.result() == SpfResult.FAIL && explain && record.exp().isPresent()) {
        return mechanisms.explanation(record.exp().get(), domain).thenApply(verdict::explained);
      }
      return done(verdict);
    });
  }

  /** Walks the directives in order; completes with null when none matched. */
  private CompletableFuture<Verdict> terms(List<Mechanism> list, int index, String domain) {
    if (index == list.size()) {
      return done(null);
    }
    Mechanism m = list.get(index);
    if (m.type().countsLookup() && !lookups.countTerm()) {
      return done(lookups.limitExceeded());
    }
    return mechanisms.match(m, domain, this).thenCompose(match -> {
      if (match.isError()) {
        return done(Verdict.error(match.errorResult(), match.problem()));
      }
      if (match.kind() == Match.Kind.MATCH) {
        return done(Verdict.of(m.qualifier().result()));
      }
      return terms(list, index + 1, domain);
    });
  }

  /** §6.1: redirect when no mechanism matched, else neutral (§4.7). */
  private CompletableFuture<Verdict> afterMechanisms(SpfRecord record, String domain, boolean explain) {
    if (record.redirect().isEmpty()) {
      return done(Verdict.of(SpfResult.NEUTRAL));
    }
    if (!lookups.countTerm()) {
      return done(lookups.limitExceeded());
    }
    return mechanisms.expandTarget(record.redirect().get(), domain).thenCompose(target -> {
      if (target == null) {
        return done(Verdict.error(SpfResult.PERMERROR, "redirect target is not a valid domain name"));
      }
      return checkHost(target, explain).thenApply(v -> v.result() == SpfResult.NONE
          ? Verdict.error(SpfResult.PERMERROR, "redirect target " + target + " has no SPF record")
          : v);
    });
  }

  private static CompletableFuture<Verdict> done(Verdict v) {
    return CompletableFuture.completedFuture(v);
  }
}
