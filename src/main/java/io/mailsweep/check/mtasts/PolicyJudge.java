package io.mailsweep.check.mtasts;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.Finding;
import io.mailsweep.check.Severity;
import io.mailsweep.check.Status;
import io.mailsweep.check.mx.MxEvaluation;
import io.mailsweep.check.mx.MxHost;
import io.mailsweep.check.mx.MxHosts;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges a valid policy under a valid record against the domain's MX hosts: the mode (RFC 8461
 * §5), max_age (§3.2), whether each MX host matches an mx pattern (§4.1) and, for enforce, whether
 * each covered MX address offers STARTTLS with a certificate valid for its name (§4.2).
 */
final class PolicyJudge {
  /** RFC 8461 §3.2 expects max_age "in the range of weeks or greater"; below one day is reported. */
  static final long LOW_MAX_AGE = 86_400;

  private final MtaStsPolicy policy;
  private final List<Finding> findings = new ArrayList<>();
  /** What could not be determined, each named: makes the result inconclusive unless it fails. */
  private final List<String> unknown = new ArrayList<>();

  private PolicyJudge(MtaStsPolicy policy) {
    this.policy = policy;
  }

  static MtaStsEvaluation judge(MtaStsRecord record, MtaStsPolicy policy, MxEvaluation mx,
      List<MxCertificate> certificates, List<String> evidence) {
    PolicyJudge judge = new PolicyJudge(policy);
    judge.mode();
    if (policy.mode() != MtaStsPolicy.Mode.NONE) {
      judge.coverage(mx);
    }
    if (policy.mode() == MtaStsPolicy.Mode.ENFORCE) {
      judge.certificates(mx, certificates);
    }
    Status status = Severity.statusOf(judge.findings);
    String reason = null;
    if (!judge.unknown.isEmpty() && status != Status.FAIL) {
      status = Status.INCONCLUSIVE;
      reason = String.join("; ", judge.unknown);
    }
    String mode = policy.mode().text();
    String summary = mode + " (valid; id=" + record.id() + "; max_age " + policy.maxAge() + ")";
    CheckResult result = MtaStsEvaluator.result(status, summary, reason, judge.findings, evidence);
    return new MtaStsEvaluation(result, new MtaStsPosture(mode, true));
  }

  private void mode() {
    if (policy.mode() == MtaStsPolicy.Mode.TESTING) {
      findings.add(MtaStsFinding.MTASTS_MODE_TESTING.with("The policy is in mode testing: senders report"
          + " failures but deliver anyway"));
    } else if (policy.mode() == MtaStsPolicy.Mode.NONE) {
      findings.add(MtaStsFinding.MTASTS_MODE_NONE.with("The policy is in mode none: senders treat the domain"
          + " as having no MTA-STS policy"));
    }
    if (policy.maxAge() < LOW_MAX_AGE) {
      findings.add(MtaStsFinding.MTASTS_MAX_AGE_LOW.with("max_age " + policy.maxAge() + " is under one day ("
          + LOW_MAX_AGE + " s)"));
    }
  }

  private void coverage(MxEvaluation mx) {
    MxHosts hosts = mx.hosts();
    if (hosts.hosts().isEmpty()) {
      if (!hosts.complete()) {
        unknown.add("MX hosts unknown: " + mx.result().reason());
      }
      return;
    }
    MtaStsFinding type = policy.mode() == MtaStsPolicy.Mode.ENFORCE ? MtaStsFinding.MTASTS_MX_NOT_COVERED
        : MtaStsFinding.MTASTS_MX_NOT_COVERED_TESTING;
    List<String> patterns = policy.mx().stream().map(MxPattern::text).toList();
    for (MxHost host : hosts.hosts()) {
      if (!policy.covers(host.name())) {
        findings.add(type.with("MX host " + host.name() + " (preference " + host.preference()
            + ") matches no mx pattern of the policy (" + String.join(", ", patterns) + ")"));
      }
    }
  }

  private void certificates(MxEvaluation mx, List<MxCertificate> certificates) {
    if (!mx.hosts().hosts().isEmpty() && !mx.hosts().complete()) {
      unknown.add("addresses of some MX hosts unknown: " + mx.result().reason());
    }
    for (MxCertificate c : certificates) {
      switch (c.verdict()) {
        case INVALID -> findings.add(MtaStsFinding.MTASTS_MX_CERTIFICATE_INVALID.with(c.where()
            + ": certificate not valid for " + c.host() + ": " + c.detail()));
        case NO_TLS -> findings.add(MtaStsFinding.MTASTS_MX_NO_TLS.with(c.where() + ": no TLS (" + c.detail() + ")"));
        case UNKNOWN -> {
          findings.add(MtaStsFinding.MTASTS_MX_NOT_VERIFIED.with(c.where() + ": " + c.detail()));
          unknown.add("certificate of " + c.where() + " not verified: " + c.detail());
        }
        case VALID -> { }
      }
    }
  }
}
