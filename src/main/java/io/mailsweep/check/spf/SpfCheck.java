package io.mailsweep.check.spf;

import io.mailsweep.check.Check;
import io.mailsweep.check.CheckResult;
import io.mailsweep.check.ScanTarget;
import io.mailsweep.check.Finding;
import io.mailsweep.check.Severity;
import io.mailsweep.check.Status;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.Dns;
import java.util.concurrent.CompletableFuture;

/**
 * The SPF check: the policy analysis of {@link SpfAnalyser} as a status. A policy receivers
 * cannot evaluate (none, permerror) fails; one whose lookups failed is inconclusive; a valid one
 * passes, warns or fails by its worst finding.
 */
public final class SpfCheck implements Check {
  public static final String NAME = "spf";

  private final SpfAnalyser analyser;

  public SpfCheck(Dns dns) {
    this(new SpfAnalyser(dns, SpfLimits.RFC_7208, SpfThresholds.DEFAULTS));
  }

  public SpfCheck(SpfAnalyser analyser) {
    this.analyser = analyser;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletableFuture<CheckResult> run(ScanTarget target) {
    DomainName domain = target.domain();
    return analyser.analyse(domain).thenApply(SpfCheck::judge);
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
    return new CheckResult(NAME, status, summary(a), null, a.findings(), a.evidence());
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
    Status status = Status.PASS;
    for (Finding f : a.findings()) {
      status = status.worse(f.severity().compareTo(Severity.HIGH) >= 0 ? Status.FAIL
          : f.severity() == Severity.INFO ? Status.PASS : Status.WARN);
    }
    return status;
  }
}
