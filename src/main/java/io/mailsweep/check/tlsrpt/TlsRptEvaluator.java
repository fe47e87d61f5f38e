package io.mailsweep.check.tlsrpt;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.DnsEvidence;
import io.mailsweep.check.Finding;
import io.mailsweep.check.Severity;
import io.mailsweep.check.Status;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsRecord;
import io.mailsweep.net.dns.DnsStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges the TXT answer at {@code _smtp._tls.<domain>}. TLS-RPT is optional, so no record only
 * warns; a record senders cannot use (several, malformed, no valid destination) fails, because the
 * domain meant to receive reports and gets none. A failed lookup is inconclusive, never "none".
 */
public final class TlsRptEvaluator {
  /** Destinations shown in the summary before the rest are counted. */
  static final int SUMMARY_URIS = 2;

  private TlsRptEvaluator() {}

  public static CheckResult evaluate(DnsAnswer answer) {
    List<String> evidence = DnsEvidence.of(answer);
    if (!answer.status().conclusive()) {
      return CheckResult.inconclusive(TlsRptCheck.NAME, "TXT lookup " + answer.describe(), evidence);
    }
    List<String> texts = new ArrayList<>();
    if (answer.status() == DnsStatus.ANSWER) {
      for (DnsRecord r : answer.records()) {
        String text = r.joinedText();
        if (TlsRptParser.isTlsRpt(text)) {
          texts.add(text);
        }
      }
    }
    if (texts.isEmpty()) {
      Finding f = TlsRptFinding.TLSRPT_MISSING.with("No TXT record starting with \"" + TlsRptParser.VERSION
          + "\" at " + answer.name() + " (" + answer.status() + ")");
      return result(Status.WARN, "none", List.of(f), evidence);
    }
    if (texts.size() > 1) {
      Finding f = TlsRptFinding.TLSRPT_MULTIPLE_RECORDS.with(texts.size() + " TLS-RPT records at "
          + answer.name() + ": " + String.join(" | ", texts));
      return result(Status.FAIL, "invalid: " + texts.size() + " records", List.of(f), evidence);
    }
    return judge(texts.get(0), TlsRptParser.parse(texts.get(0)), evidence);
  }

  private static CheckResult judge(String text, TlsRptParser.Parsed parsed, List<String> evidence) {
    if (parsed instanceof TlsRptParser.Parsed.Invalid invalid) {
      List<Finding> findings = new ArrayList<>();
      for (TlsRptProblem p : invalid.problems()) {
        findings.add(p.type().with(p.message() + " (at character " + p.position() + " of \"" + text + "\")"));
      }
      return result(Status.FAIL, "invalid: " + invalid.problems().get(0).message(), findings, evidence);
    }
    TlsRptRecord record = ((TlsRptParser.Parsed.Valid) parsed).record();
    List<Finding> findings = new ArrayList<>();
    for (String name : record.extensions()) {
      findings.add(TlsRptFinding.TLSRPT_EXTENSION_TAG.with("Extension field " + name + "= in \"" + text + "\""));
    }
    return result(Severity.statusOf(findings), summary(record), findings, evidence);
  }

  /** E.g. {@code rua: mailto:tls@vendor.test, https://report.vendor.test/tls, +1 more}. */
  static String summary(TlsRptRecord record) {
    List<String> rua = record.rua();
    String shown = String.join(", ", rua.subList(0, Math.min(SUMMARY_URIS, rua.size())));
    return "rua: " + shown + (rua.size() > SUMMARY_URIS ? ", +" + (rua.size() - SUMMARY_URIS) + " more" : "");
  }

  private static CheckResult result(Status status, String summary, List<Finding> findings, List<String> evidence) {
    return new CheckResult(TlsRptCheck.NAME, status, summary, null, findings, evidence);
  }
}
