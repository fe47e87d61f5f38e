package io.mailsweep.check.mtasts;

import io.mailsweep.check.DnsEvidence;
import io.mailsweep.check.mx.MxEvaluation;
import io.mailsweep.net.dns.DnsAnswer;
import java.util.ArrayList;
import java.util.List;

/** Evidence lines of the MTA-STS check: the record, the policy host, the policy text, the MX hosts. */
final class MtaStsEvidence {
  /** Policy lines quoted in the evidence; a real policy has a handful. */
  static final int MAX_POLICY_LINES = 30;

  /** Each quoted policy line is cut to this many characters. */
  static final int MAX_LINE_CHARS = 200;

  private MtaStsEvidence() {}

  static List<String> of(DnsAnswer txt, PolicyRetrieval retrieval, MxEvaluation mx, List<MxCertificate> certificates) {
    List<String> lines = new ArrayList<>(DnsEvidence.of(txt));
    if (retrieval != null) {
      lines.addAll(DnsEvidence.of(retrieval.a()));
      lines.addAll(DnsEvidence.of(retrieval.aaaa()));
      for (PolicyRetrieval.Refused r : retrieval.refused()) {
        lines.add(";; not contacted " + r.address() + ": " + r.refusal().reason());
      }
      for (PolicyRetrieval.Attempt a : retrieval.attempts()) {
        lines.add(";; GET " + a.url() + " at " + a.address() + ": " + a.result().describe());
      }
      if (retrieval.body() != null) {
        policyLines(retrieval.body(), lines);
      }
    }
    if (mx != null) {
      lines.add(";; MX: " + mx.result().status() + " " + mx.result().summary()
          + (mx.result().reason() == null ? "" : " (" + mx.result().reason() + ")"));
    }
    for (MxCertificate c : certificates) {
      lines.add(";; " + c.where() + ": " + c.verdict() + " (" + c.detail() + ")");
    }
    return lines;
  }

  private static void policyLines(String body, List<String> out) {
    List<String> policy = body.lines().limit(MAX_POLICY_LINES + 1L).toList();
    for (int i = 0; i < Math.min(policy.size(), MAX_POLICY_LINES); i++) {
      String line = policy.get(i);
      out.add("| " + (line.length() > MAX_LINE_CHARS ? line.substring(0, MAX_LINE_CHARS) + "..." : line));
    }
    if (policy.size() > MAX_POLICY_LINES) {
      out.add("| ... (more lines)");
    }
  }
}
