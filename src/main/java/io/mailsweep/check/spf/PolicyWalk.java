package io.mailsweep.check.spf;

import io.mailsweep.check.DnsEvidence;
import io.mailsweep.check.Finding;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.Dns;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsStatus;
import io.mailsweep.net.dns.RecordType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Walks a domain's SPF policy the way check_host() would when nothing matches: every term in
 * order, through includes and redirects, counting what §4.6.4 counts. Steps run one after the
 * other, so the mutable state needs no synchronisation.
 */
final class PolicyWalk {
  /** Where a record sits: the top path decides the final all; includes never do. */
  enum Role {
    TOP,
    REDIRECT,
    INCLUDE
  }

  private final Dns dns;
  private final SpfLimits limits;
  private final SpfThresholds thresholds;
  final WalkState state = new WalkState();

  PolicyWalk(Dns dns, SpfLimits limits, SpfThresholds thresholds) {
    this.dns = dns;
    this.limits = limits;
    this.thresholds = thresholds;
  }

  SpfLimits limits() {
    return limits;
  }

  CompletableFuture<Void> record(String domain, List<String> chain, Role role) {
    DomainName name = SpfLookups.validDomain(domain);
    if (name == null || !state.mayQuery(thresholds.maxWalkQueries())) {
      return done();
    }
    return dns.query(name, RecordType.TXT).thenCompose(answer -> {
      state.evidence.addAll(DnsEvidence.of(answer));
      SpfRecord record = select(answer, domain, chain, role);
      return record == null ? done() : terms(record, domain, chain, role);
    });
  }

  /** The one valid record of an answer, or null after noting why there is none. */
  private SpfRecord select(DnsAnswer answer, String domain, List<String> chain, Role role) {
    if (!answer.status().conclusive()) {
      state.temperror("the TXT lookup of " + domain + " failed: " + answer.describe(), path(chain));
      return null;
    }
    List<String> texts = answer.status() == DnsStatus.NXDOMAIN ? List.of() : SpfRecords.select(answer.records());
    if (texts.isEmpty()) {
      missing(answer, domain, chain, role);
      return null;
    }
    if (answer.truncated()) {
      state.add(SpfFinding.SPF_NEEDS_TCP.with("The TXT answer of " + domain + " is larger than 512 bytes"));
    }
    if (texts.size() > 1) {
      state.permerror(SpfFinding.SPF_MULTIPLE_RECORDS, texts.size() + " SPF records at " + domain + path(chain));
      return null;
    }
    SpfParser.SpfParse parsed = SpfParser.parse(texts.get(0));
    if (parsed instanceof SpfParser.SpfParse.Invalid invalid) {
      state.permerror(SpfFinding.SPF_SYNTAX_ERROR, "Syntax error in the SPF record of " + domain + path(chain)
          + ": " + invalid.message());
      return null;
    }
    if (role == Role.TOP) {
      state.record = texts.get(0);
    }
    return ((SpfParser.SpfParse.Valid) parsed).record();
  }

  private void missing(DnsAnswer answer, String domain, List<String> chain, Role role) {
    boolean nx = answer.status() == DnsStatus.NXDOMAIN;
    if (role == Role.TOP) {
      state.none(nx ? SpfFinding.SPF_DOMAIN_NXDOMAIN.with(domain + " does not exist (NXDOMAIN)")
          : SpfFinding.SPF_MISSING.with("No SPF record at " + domain));
      return;
    }
    if (nx) {
      state.voids++;
    }
    state.permerror(nx ? SpfFinding.SPF_INCLUDE_NXDOMAIN : SpfFinding.SPF_INCLUDE_NO_RECORD,
        (nx ? domain + " does not exist" : "No SPF record at " + domain) + path(chain));
  }

  private CompletableFuture<Void> terms(SpfRecord record, String domain, List<String> chain, Role role) {
    CompletableFuture<Void> steps = done();
    for (Mechanism m : record.mechanisms()) {
      steps = steps.thenCompose(ignored -> new TermWalk(this, dns, thresholds).term(m, domain, chain, role));
    }
    return steps.thenCompose(ignored -> afterTerms(record, domain, chain, role));
  }

  private CompletableFuture<Void> afterTerms(SpfRecord record, String domain, List<String> chain, Role role) {
    boolean hasAll = record.mechanisms().stream().anyMatch(m -> m.type() == MechanismType.ALL);
    if (record.redirect().isEmpty()) {
      if (!hasAll && role != Role.INCLUDE) {
        state.add(SpfFinding.SPF_NO_ALL.with("The SPF record of " + domain + " has neither \"all\" nor redirect="));
      }
      return done();
    }
    if (hasAll) {
      state.add(SpfFinding.SPF_REDIRECT_IGNORED.with("redirect= in the record of " + domain + " is never used"));
      return done();
    }
    String target = record.redirect().get();
    state.countLookup(chain, "redirect=" + target, limits);
    return follow(target, domain, chain, "redirect=", role == Role.INCLUDE ? Role.INCLUDE : Role.REDIRECT);
  }

  /** Descends into an include or redirect target unless it needs macros or closes a loop. */
  CompletableFuture<Void> follow(String target, String from, List<String> chain, String how, Role role) {
    if (target.indexOf('%') >= 0) {
      state.evidence.add(";; " + how + target + " in " + from + " uses macros: not followed without a sender");
      return done();
    }
    String t = Addresses.stripDot(target);
    if (role == Role.INCLUDE && how.startsWith("include")) {
      state.includes.add(t);
    }
    if (chain.contains(t)) {
      state.permerror(SpfFinding.SPF_INCLUDE_LOOP, how + t + " in " + from + " loops back" + path(chain));
      return done();
    }
    List<String> next = new ArrayList<>(chain);
    next.add(t);
    return record(t, next, role);
  }

  static String path(List<String> chain) {
    return chain.size() <= 1 ? "" : " (via " + String.join(" → ", chain) + ")";
  }

  private static CompletableFuture<Void> done() {
    return CompletableFuture.completedFuture(null);
  }

  /** What the walk has found so far. */
  static final class WalkState {
    final List<Finding> findings = new ArrayList<>();
    final List<String> evidence = new ArrayList<>();
    final Set<String> includes = new LinkedHashSet<>();
    int lookups;
    int voids;
    int queries;
    long ipv4;
    String allQualifier;
    String record;
    String overflowPath;
    SpfValidity validity = SpfValidity.VALID;
    String reason;

    boolean mayQuery(int max) {
      return ++queries <= max;
    }

    void add(Finding f) {
      findings.add(f);
    }

    void countLookup(List<String> chain, String term, SpfLimits limits) {
      if (++lookups == limits.dnsLookups() + 1) {
        List<String> path = new ArrayList<>(chain);
        path.add(term);
        overflowPath = String.join(" → ", path);
      }
    }

    void none(Finding f) {
      add(f);
      validity = SpfValidity.NONE;
    }

    void permerror(SpfFinding type, String message) {
      add(type.with(message));
      if (validity == SpfValidity.VALID) {
        validity = SpfValidity.PERMERROR;
        reason = message;
      }
    }

    /** A failed lookup is no finding about the domain: it only makes the result inconclusive. */
    void temperror(String message, String via) {
      if (validity == SpfValidity.VALID) {
        validity = SpfValidity.TEMPERROR;
        reason = message + via;
      }
    }
  }
}
