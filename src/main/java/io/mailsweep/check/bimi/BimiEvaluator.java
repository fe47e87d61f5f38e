package io.mailsweep.check.bimi;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.Finding;
import io.mailsweep.check.Severity;
import io.mailsweep.check.Status;
import io.mailsweep.check.dmarc.RecordSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A BIMI discovery (and, for a readable record, the domain's DMARC) as a check result: pure.
 *
 * <p>BIMI is optional: no record, or an explicit declination, is NOT_APPLICABLE. A record that
 * receivers cannot use (several records, unreadable, unusable URLs, DMARC not at enforcement)
 * warns; a usable one passes, with LOW and INFO findings as advice. A failed lookup, BIMI's or
 * DMARC's, is INCONCLUSIVE.
 */
public final class BimiEvaluator {
  private BimiEvaluator() {}

  /** {@code dmarc} is null unless the discovery holds one readable, not declining record. */
  public static CheckResult evaluate(BimiDiscovery d, BimiDmarc dmarc) {
    List<String> evidence = new ArrayList<>(d.evidence());
    if (d.failure() != null) {
      return CheckResult.inconclusive(BimiCheck.NAME, d.failure(), evidence);
    }
    RecordSet set = d.applicable();
    if (set == null) {
      return result(Status.NOT_APPLICABLE, "none", null, List.of(), evidence);
    }
    String via = set == d.own() ? "" : " via " + set.owner();
    String where = BimiDiscovery.SELECTOR + "._bimi." + set.owner();
    if (set.records().size() > 1) {
      return result(Status.WARN, "invalid: " + set.records().size() + " records" + via, null,
          List.of(BimiFinding.BIMI_MULTIPLE_RECORDS.with(set.records().size() + " BIMI records at " + where
              + ": receivers use none")), evidence);
    }
    BimiParser.Parsed parsed = BimiParser.parse(set.records().get(0));
    List<Finding> findings = new ArrayList<>();
    parsed.problems().forEach(p -> findings.add(p.finding(where)));
    if (parsed instanceof BimiParser.Parsed.Invalid) {
      return result(Status.WARN, "invalid" + via, null, findings, evidence);
    }
    BimiRecord record = ((BimiParser.Parsed.Valid) parsed).record();
    if (record.declined()) {
      return result(Status.NOT_APPLICABLE, "declined" + via, null, findings, evidence);
    }
    return judge(record, dmarc, via, where, findings, evidence);
  }

  private static CheckResult judge(BimiRecord record, BimiDmarc dmarc, String via, String where,
      List<Finding> findings, List<String> evidence) {
    Objects.requireNonNull(dmarc, "a usable BIMI record is judged with the domain's DMARC");
    evidence.addAll(dmarc.evidence());
    if (dmarc.failure() != null) {
      return CheckResult.inconclusive(BimiCheck.NAME, "DMARC (which BIMI requires): " + dmarc.failure(), evidence);
    }
    if (record.evidence() == null) {
      findings.add(BimiFinding.BIMI_NO_CERTIFICATE.with(where + " has no a= mark certificate"));
    }
    List<String> shortfalls = dmarc.shortfalls();
    if (!shortfalls.isEmpty()) {
      findings.add(BimiFinding.BIMI_DMARC_NOT_ENFORCED.with("DMARC is not at enforcement for "
          + dmarc.author().domain() + ": " + String.join("; ", shortfalls) + "; receivers skip BIMI"));
    }
    String summary = (record.location() != null ? "logo" : "no logo") + "; "
        + (record.evidence() != null ? "certificate" : "no certificate") + "; DMARC "
        + (shortfalls.isEmpty() ? "at enforcement" : "not at enforcement") + via;
    return result(worst(findings), summary, null, findings, evidence);
  }

  /** MEDIUM and worse warn; LOW and INFO leave a pass. */
  private static Status worst(List<Finding> findings) {
    boolean warn = findings.stream().anyMatch(f -> f.severity().compareTo(Severity.MEDIUM) >= 0);
    return warn ? Status.WARN : Status.PASS;
  }

  private static CheckResult result(Status status, String summary, String reason, List<Finding> findings,
      List<String> evidence) {
    return new CheckResult(BimiCheck.NAME, status, summary, reason, findings, evidence);
  }
}
