package io.mailsweep.check.dane;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.DnsEvidence;
import io.mailsweep.check.Finding;
import io.mailsweep.check.Severity;
import io.mailsweep.check.Status;
import io.mailsweep.check.mx.MxEvaluation;
import io.mailsweep.check.mx.MxHosts;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Judges DANE for SMTP (RFC 7672) for one domain. DANE applies only when the MX RRset is
 * DNSSEC-secure (§2.2.1): otherwise the result is NOT_APPLICABLE with an informational finding, as
 * it is when no MX host publishes TLSA records ("none"): DANE is optional. A bogus answer fails,
 * because validating senders defer mail (§2.1.1). A determined failure (a mismatch, no TLS, bogus
 * DNSSEC) fails even if other addresses could not be tested; otherwise anything untested makes the
 * result INCONCLUSIVE. Pure.
 */
public final class DaneEvaluator {
  private DaneEvaluator() {}

  /** The result decided by the MX answer alone, or null when the MX hosts must be examined. */
  public static CheckResult beforeHosts(DomainName domain, DnsAnswer mx) {
    List<String> evidence = mxEvidence(mx);
    if (mx.status() == DnsStatus.BOGUS) {
      Finding f = DaneFinding.DANE_DNSSEC_BOGUS.with("MX lookup " + mx.describe());
      return new CheckResult(DaneCheck.NAME, Status.FAIL, "MX DNSSEC bogus", null, List.of(f), evidence);
    }
    if (!mx.status().conclusive()) {
      return CheckResult.inconclusive(DaneCheck.NAME, "MX lookup " + mx.describe(), evidence);
    }
    if (mx.status() == DnsStatus.NXDOMAIN) {
      return notApplicable("not applicable: domain does not exist", List.of(), evidence);
    }
    if (!mx.authenticated()) {
      Finding f = DaneFinding.DANE_MX_NOT_SIGNED.with("The MX answer for " + domain + " (" + mx.status()
          + ") is not DNSSEC-authenticated, so senders do not look for TLSA records");
      return notApplicable("not applicable: MX not DNSSEC-signed", List.of(f), evidence);
    }
    return null;
  }

  /**
   * @param mx the authenticated MX answer ({@link #beforeHosts} returned null for it)
   * @param hosts what {@code MxCheck.evaluate} found, for the host list
   * @param gathered one entry per host of {@code hosts}, in the same order
   */
  public static CheckResult evaluate(DnsAnswer mx, MxEvaluation hosts, List<DaneHost> gathered) {
    List<String> evidence = mxEvidence(mx);
    MxHosts.Kind kind = hosts.hosts().kind();
    if (kind == MxHosts.Kind.NULL_MX || kind == MxHosts.Kind.NONE || hosts.hosts().hosts().isEmpty()) {
      if (hosts.result().status() == Status.INCONCLUSIVE) {
        return CheckResult.inconclusive(DaneCheck.NAME, hosts.result().reason(), evidence);
      }
      return notApplicable("not applicable: no mail hosts", List.of(), evidence);
    }
    List<HostJudge.Verdict> verdicts = gathered.stream().map(HostJudge::judge).toList();
    verdicts.forEach(v -> evidence.addAll(v.evidence()));
    List<String> untested = new ArrayList<>();
    if (!hosts.hosts().complete()) {
      untested.add("MX hosts not fully resolved: " + hosts.result().reason());
    }
    verdicts.stream().map(HostJudge.Verdict::untested).filter(u -> u != null).forEach(untested::add);
    return judge(verdicts, untested, evidence);
  }

  private static CheckResult judge(List<HostJudge.Verdict> verdicts, List<String> untested, List<String> evidence) {
    List<Finding> findings = new ArrayList<>();
    verdicts.forEach(v -> findings.addAll(v.findings()));
    long none = count(verdicts, v -> v.state() == HostJudge.State.NO_TLSA);
    if (none == verdicts.size() && untested.isEmpty()) {
      findings.add(DaneFinding.DANE_NOT_PUBLISHED.with("No MX host publishes TLSA records: "
          + String.join(", ", names(verdicts, v -> true))));
      return notApplicable("none", findings, evidence);
    }
    if (none > 0 && count(verdicts, v -> v.state() == HostJudge.State.LOOKUP_FAILED) + none < verdicts.size()) {
      findings.add(DaneFinding.DANE_PARTIAL.with("Without TLSA records: "
          + String.join(", ", names(verdicts, v -> v.state() == HostJudge.State.NO_TLSA))));
    }
    Status status = Severity.statusOf(findings);
    if (status != Status.FAIL && !untested.isEmpty()) {
      status = Status.INCONCLUSIVE;
    }
    String reason = untested.isEmpty() ? null : String.join("; ", untested);
    return new CheckResult(DaneCheck.NAME, status, summary(verdicts, untested), reason, findings, evidence);
  }

  /** E.g. {@code valid (2/2 MX)}, {@code mismatch on mx2.example.test}, {@code TLSA not signed}. */
  static String summary(List<HostJudge.Verdict> verdicts, List<String> untested) {
    for (HostJudge.State bad : new HostJudge.State[] {HostJudge.State.MISMATCH, HostJudge.State.NO_TLS,
        HostJudge.State.BOGUS, HostJudge.State.NONE_USABLE}) {
      List<String> hosts = names(verdicts, v -> v.state() == bad);
      if (!hosts.isEmpty()) {
        return label(bad) + " on " + String.join(", ", hosts);
      }
    }
    if (verdicts.stream().anyMatch(v -> v.state() == HostJudge.State.NOT_SIGNED)) {
      return "TLSA not signed";
    }
    long valid = count(verdicts, v -> v.state() == HostJudge.State.VALID);
    if (!untested.isEmpty()) {
      return "not tested (" + valid + "/" + verdicts.size() + " MX valid)";
    }
    return "valid (" + valid + "/" + verdicts.size() + " MX)";
  }

  private static String label(HostJudge.State state) {
    return switch (state) {
      case MISMATCH -> "mismatch";
      case NO_TLS -> "no TLS";
      case BOGUS -> "DNSSEC bogus";
      default -> "TLSA unusable";
    };
  }

  private static List<String> names(List<HostJudge.Verdict> verdicts, Predicate<HostJudge.Verdict> which) {
    return verdicts.stream().filter(which).map(v -> v.host().text()).toList();
  }

  private static long count(List<HostJudge.Verdict> verdicts, Predicate<HostJudge.Verdict> which) {
    return verdicts.stream().filter(which).count();
  }

  private static List<String> mxEvidence(DnsAnswer mx) {
    List<String> evidence = new ArrayList<>(DnsEvidence.of(mx));
    evidence.add(";; DNSSEC: " + (mx.authenticated() ? "secure" : "not authenticated"));
    return evidence;
  }

  private static CheckResult notApplicable(String summary, List<Finding> findings, List<String> evidence) {
    return new CheckResult(DaneCheck.NAME, Status.NOT_APPLICABLE, summary, null, findings, evidence);
  }
}
