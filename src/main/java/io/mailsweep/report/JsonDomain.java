package io.mailsweep.report;

import io.mailsweep.policy.RuleOutcome;
import io.mailsweep.policy.Verdict;
import com.fasterxml.jackson.core.JsonGenerator;
import io.mailsweep.check.CheckResult.Attribute;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One domain as a JSON Lines object. Every text goes through {@link SafeText#valid}; absent values
 * are JSON null:
 *
 * <pre>
 * {"run_id":7,"line":2,"domain":"vendor.example","input":{"vendor":"Acme"},"overall":"FAIL",
 *  "scanned_at":"2026-11-29T02:00:07Z","reason":null,
 *  "checks":[{"check":"spf","status":"FAIL","summary":"...","reason":null,"attributes":{},
 *             "evidence":["..."],"findings":[{"code":"SPF_PASS_ALL","severity":"CRITICAL",
 *             "message":"...","remediation":"...","reference":"RFC 7208 §5.1"}]}]}
 * </pre>
 *
 * {@code input} holds the carried input columns by header name (a repeated name gets " (2)", ...).
 * A domain the scan did not reach has {@code "overall":null} and no checks. Findings stored under a
 * check with no stored result (not written by this version) are kept in a top-level
 * {@code "findings"} array.
 */
final class JsonDomain {

  private final RunInfo run;

  JsonDomain(RunInfo run) {
    this.run = run;
  }

  void write(JsonGenerator json, DomainLine line, List<FindingCursor.Finding> findings) throws IOException {
    write(json, line, findings, null, null);
  }

  /** As above, with the domain's verdict against profile {@code profile} (both null: none). */
  void write(JsonGenerator json, DomainLine line, List<FindingCursor.Finding> findings, String profile,
      Verdict verdict) throws IOException {
    json.writeStartObject();
    json.writeNumberField("run_id", run.id());
    json.writeNumberField("line", line.lineNo);
    text(json, "domain", line.domain);
    input(json, line);
    text(json, "overall", line.overall);
    text(json, "scanned_at", Utc.format(line.scannedAt));
    String reason = line.overall == null ? null : line.reason(run.checks());
    text(json, "reason", reason == null || reason.isEmpty() ? null : reason);
    if (verdict != null) {
      verdict(json, profile, verdict);
    }
    List<FindingCursor.Finding> unclaimed = new ArrayList<>(findings);
    json.writeArrayFieldStart("checks");
    for (DomainLine.CheckCell check : line.checks()) {
      check(json, check, unclaimed);
    }
    json.writeEndArray();
    if (!unclaimed.isEmpty()) {
      findings(json, unclaimed);
    }
    json.writeEndObject();
  }

  private void input(JsonGenerator json, DomainLine line) throws IOException {
    List<String> values = run.extraColumns().isEmpty() ? List.of() : CsvRecord.parse(line.extras);
    json.writeObjectFieldStart("input");
    Set<String> names = new HashSet<>();
    for (int i = 0; i < run.extraColumns().size(); i++) {
      String name = SafeText.valid(run.extraColumns().get(i));
      for (int n = 2; !names.add(name); n++) {
        name = SafeText.valid(run.extraColumns().get(i)) + " (" + n + ")";
      }
      text(json, name, i < values.size() ? values.get(i) : null);
    }
    json.writeEndObject();
  }

  /** Writes {@code cell} with its evidence and the findings of its check, taking those from {@code unclaimed}. */
  private static void check(JsonGenerator json, DomainLine.CheckCell cell, List<FindingCursor.Finding> unclaimed)
      throws IOException {
    json.writeStartObject();
    text(json, "check", cell.name());
    text(json, "status", cell.status());
    text(json, "summary", cell.summary());
    text(json, "reason", cell.reason());
    json.writeObjectFieldStart("attributes");
    for (Attribute attribute : cell.attributes()) {
      text(json, SafeText.valid(attribute.name()), attribute.value());
    }
    json.writeEndObject();
    json.writeArrayFieldStart("evidence");
    if (cell.evidence() != null && !cell.evidence().isEmpty()) {
      for (String evidence : cell.evidence().split("\n", -1)) {
        json.writeString(SafeText.valid(evidence));
      }
    }
    json.writeEndArray();
    List<FindingCursor.Finding> own = new ArrayList<>();
    unclaimed.removeIf(f -> f.check().equalsIgnoreCase(cell.name()) && own.add(f));
    findings(json, own);
    json.writeEndObject();
  }

  private static void findings(JsonGenerator json, List<FindingCursor.Finding> findings) throws IOException {
    json.writeArrayFieldStart("findings");
    for (FindingCursor.Finding f : findings) {
      json.writeStartObject();
      text(json, "check", f.check());
      text(json, "code", f.code());
      text(json, "severity", f.severity());
      text(json, "message", f.message());
      text(json, "remediation", f.remediation());
      text(json, "reference", f.reference());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void text(JsonGenerator json, String name, String value) throws IOException {
    if (value == null) {
      json.writeNullField(name);
    } else {
      json.writeStringField(name, SafeText.valid(value));
    }
  }

  /** {@code "verdict": {"profile", "compliance", "score", "grade", "rules": [{"id", "status", "detail"}]}}. */
  private static void verdict(JsonGenerator json, String profile, Verdict verdict) throws IOException {
    json.writeObjectFieldStart("verdict");
    json.writeStringField("profile", profile);
    json.writeStringField("compliance", verdict.compliance().name());
    if (verdict.score() != null) {
      json.writeNumberField("score", verdict.score());
      json.writeStringField("grade", verdict.grade().name());
    }
    json.writeArrayFieldStart("rules");
    for (RuleOutcome o : verdict.outcomes()) {
      json.writeStartObject();
      json.writeStringField("id", o.ruleId());
      json.writeStringField("status", o.status().name());
      if (o.detail() != null) {
        json.writeStringField("detail", SafeText.clean(o.detail()));
      }
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }
}
