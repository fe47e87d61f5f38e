package io.mailsweep.check.spf;

import io.mailsweep.check.Check;
import io.mailsweep.check.CheckResult;
import io.mailsweep.check.ScanTarget;
import io.mailsweep.check.Finding;
import io.mailsweep.check.Severity;
import io.mailsweep.check.Status;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.Dns;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The SPF check: the policy analysis of {@link SpfAnalyser} as a status. A policy receivers
 * cannot evaluate (none, permerror) fails; one whose lookups failed is inconclusive; a valid one
 * passes, warns or fails by its worst finding.
 */
public final class SpfCheck implements Check {
  public static final String NAME = "spf";
  /** Attribute names of an SPF result: see {@link #attributes(SpfAnalysis)}. */
  public static final String VALIDITY = "validity";
  public static final String ALL = "all";
  public static final String LOOKUPS = "lookups";
  public static final List<String> ATTRIBUTES = List.of(VALIDITY, ALL, LOOKUPS);

  private final SpfAnalyser analyser;
  private final ExpectedSenders senders;

  public SpfCheck(Dns dns) {
    this.analyser = new SpfAnalyser(dns, SpfLimits.RFC_7208, SpfThresholds.DEFAULTS);
    this.senders = new ExpectedSenders(new SpfEvaluator(dns, SpfLimits.RFC_7208));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletableFuture<CheckResult> run(ScanTarget target) {
    DomainName domain = target.domain();
    return analyser.analyse(domain).thenCombine(
        senders.probe(domain, target.column(ExpectedSenders.COLUMN)), SpfCheck::judge);
  }

  /**
   * Adds the expected-sender probes to the analysis: each listed address that the policy does
   * not pass is a finding; temperrors and unusable entries are evidence only.
   */
  static CheckResult judge(SpfAnalysis a, List<ExpectedSenders.Probe> probes) {
    CheckResult base = judge(a);
    if (probes.isEmpty() || base.status() == Status.INCONCLUSIVE) {
      return base;
    }
    List<Finding> findings = new ArrayList<>(base.findings());
    List<String> evidence = new ArrayList<>(base.evidence());
    int passed = 0;
    for (ExpectedSenders.Probe p : probes) {
      String result = p.outcome() == null ? "not an IP address" : p.outcome().result().label();
      evidence.add(";; expected sender " + p.text() + ": " + result);
      if (p.outcome() != null && p.outcome().result() == SpfResult.PASS) {
        passed++;
      } else if (p.outcome() != null && p.outcome().result() != SpfResult.TEMPERROR) {
        findings.add(SpfFinding.SPF_EXPECTED_SENDER_NOT_PASSED.with("Expected sender " + p.text()
            + " gets " + result + " from the policy of " + a.record()));
      }
    }
    Status status = findings.size() > base.findings().size() ? base.status().worse(Status.WARN) : base.status();
    String summary = base.summary() + "; expected senders " + passed + "/" + probes.size() + " pass";
    return new CheckResult(NAME, status, summary, null, findings, evidence).withAttributes(base.attributes());
  }

  static CheckResult judge(SpfAnalysis a) {
    Status status;
    switch (a.validity()) {
      case TEMPERROR:
        return new CheckResult(NAME, Status.INCONCLUSIVE, "temperror", a.reason(), a.findings(), a.evidence());
      case NONE:
      case PERMERROR:
        status = Status.FAIL;
        break;
      default:
        status = worst(a);
        break;
    }
    return new CheckResult(NAME, status, summary(a), null, a.findings(), a.evidence()).withAttributes(attributes(a));
  }

  /**
   * {@code validity} ({@code valid}, {@code none} or {@code permerror}); with a record, {@code all}
   * (its final all, following redirects: {@code -all}, {@code ~all}, {@code ?all}, {@code +all}, or
   * {@code none}) and {@code lookups} (DNS-querying terms on the worst path).
   */
  static List<CheckResult.Attribute> attributes(SpfAnalysis a) {
    List<CheckResult.Attribute> out = new ArrayList<>();
    out.add(new CheckResult.Attribute(VALIDITY, a.validity().name().toLowerCase(java.util.Locale.ROOT)));
    if (a.record() != null) {
      out.add(new CheckResult.Attribute(ALL, a.allQualifier() == null ? "none" : a.allQualifier()));
      out.add(new CheckResult.Attribute(LOOKUPS, Integer.toString(a.lookups())));
    }
    return out;
  }

  /** E.g. "valid; -all; 4 lookups" or "permerror; -all; 13 lookups". */
  static String summary(SpfAnalysis a) {
    if (a.validity() == SpfValidity.NONE) {
      boolean nx = a.findings().stream().anyMatch(f -> f.code().equals(SpfFinding.SPF_DOMAIN_NXDOMAIN.name()));
      return nx ? "none (domain does not exist)" : "none";
    }
    if (a.record() == null) {
      return "permerror: " + a.reason();
    }
    StringBuilder s = new StringBuilder(a.validity().name().toLowerCase(java.util.Locale.ROOT));
    s.append("; ").append(a.allQualifier() == null ? "no all" : a.allQualifier());
    s.append("; ").append(a.lookups()).append(a.lookups() == 1 ? " lookup" : " lookups");
    if (a.voidLookups() > 0) {
      s.append("; ").append(a.voidLookups()).append(" void");
    }
    return s.toString();
  }

  private static Status worst(SpfAnalysis a) {
    return Severity.statusOf(a.findings());
  }
}
