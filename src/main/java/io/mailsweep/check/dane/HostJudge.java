package io.mailsweep.check.dane;

import io.mailsweep.check.DnsEvidence;
import io.mailsweep.check.Finding;
import io.mailsweep.check.transport.ServerProbe;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsRecord;
import io.mailsweep.net.dns.DnsStatus;
import io.mailsweep.net.smtp.SmtpOutcome;
import io.mailsweep.net.smtp.SmtpProbeResult;
import java.util.ArrayList;
import java.util.List;

/**
 * One MX host's DANE state, as a DANE-aware sender would see it (RFC 7672 §2.2.3, §3): its TLSA
 * answer, then, for an authenticated RRset with a usable record, each address's certificate chain.
 * An address that was skipped or could not be reached is untested, never a mismatch. Pure.
 */
final class HostJudge {
  /** What a DANE sender would make of the host. */
  enum State { VALID, NO_TLSA, NOT_TESTED, LOOKUP_FAILED, NOT_SIGNED, NONE_USABLE, BOGUS, NO_TLS, MISMATCH }

  /**
   * @param untested why the host, or some of its addresses, could not be judged; else null
   */
  record Verdict(DomainName host, State state, List<Finding> findings, List<String> evidence, String untested) {
    Verdict {
      findings = List.copyOf(findings);
      evidence = List.copyOf(evidence);
    }
  }

  private HostJudge() {}

  /** Whether the host's addresses must be probed: an authenticated RRset with a usable record. */
  static boolean needsProbe(DnsAnswer tlsa) {
    return tlsa.status() == DnsStatus.ANSWER && tlsa.authenticated() && !usable(tlsa, new ArrayList<>()).isEmpty();
  }

  static Verdict judge(DaneHost data) {
    DnsAnswer tlsa = data.tlsa();
    DomainName host = data.host().name();
    List<String> evidence = new ArrayList<>(DnsEvidence.of(tlsa));
    evidence.add(";; DNSSEC: " + (tlsa.authenticated() ? "secure" : "not authenticated"));
    if (tlsa.status() == DnsStatus.BOGUS) {
      return new Verdict(host, State.BOGUS, List.of(DaneFinding.DANE_DNSSEC_BOGUS.with(
          "TLSA lookup " + tlsa.describe() + ": DANE senders defer mail to " + host)), evidence, null);
    }
    if (!tlsa.status().conclusive()) {
      return new Verdict(host, State.LOOKUP_FAILED, List.of(), evidence, "TLSA lookup " + tlsa.describe());
    }
    if (tlsa.status() != DnsStatus.ANSWER) {
      return new Verdict(host, State.NO_TLSA, List.of(), evidence, null);
    }
    if (!tlsa.authenticated()) {
      return new Verdict(host, State.NOT_SIGNED, List.of(DaneFinding.DANE_TLSA_NOT_SIGNED.with(
          tlsa.name() + " has TLSA records, but DNSSEC does not authenticate them: senders ignore them")),
          evidence, null);
    }
    List<Finding> findings = new ArrayList<>();
    List<TlsaRecord> usable = usable(tlsa, findings);
    if (usable.isEmpty()) {
      findings.add(DaneFinding.DANE_TLSA_NONE_USABLE.with(tlsa.name() + " has no usable TLSA record: senders"
          + " fall back to unauthenticated TLS for " + host));
      return new Verdict(host, State.NONE_USABLE, findings, evidence, null);
    }
    return probed(data, usable, findings, evidence);
  }

  private static Verdict probed(DaneHost data, List<TlsaRecord> usable, List<Finding> findings, List<String> evidence) {
    DomainName host = data.host().name();
    List<String> untested = new ArrayList<>();
    State state = State.VALID;
    if (data.probes().isEmpty()) {
      untested.add(host + ": no address to probe");
    }
    for (ServerProbe probe : data.probes()) {
      String where = host + " " + probe.address();
      SmtpProbeResult result = probe.result();
      if (!probe.probed()) {
        untested.add(where + ": not contacted (" + probe.skipDetail() + ")");
      } else if (result.outcome() == SmtpOutcome.TLS) {
        DaneMatcher.Result match = DaneMatcher.match(usable, result.chain(), List.of(host));
        evidence.add(";; " + where + ": " + (match.matched() ? "DANE match, " : "DANE mismatch, ") + match.detail());
        if (!match.matched()) {
          findings.add(DaneFinding.DANE_MISMATCH.with(where + ": " + match.detail()));
          state = State.MISMATCH;
        }
      } else if (result.outcome().tested()) {
        evidence.add(";; " + where + ": " + result.outcome() + " (" + result.detail() + ")");
        findings.add(DaneFinding.DANE_NO_TLS.with(where + ": " + result.outcome() + " (" + result.detail() + ")"));
        state = state == State.MISMATCH ? state : State.NO_TLS;
      } else {
        untested.add(where + ": could not test (" + result.outcome() + ", " + result.detail() + ")");
      }
    }
    if (state == State.VALID && !untested.isEmpty()) {
      state = State.NOT_TESTED;
    }
    return new Verdict(host, state, findings, evidence, untested.isEmpty() ? null : String.join("; ", untested));
  }

  /** The usable records; a finding for each record senders ignore. */
  private static List<TlsaRecord> usable(DnsAnswer tlsa, List<Finding> problems) {
    List<TlsaRecord> usable = new ArrayList<>();
    for (DnsRecord r : tlsa.records()) {
      TlsaParser.Parsed parsed = TlsaParser.parse(r.data());
      if (parsed instanceof TlsaParser.Parsed.Malformed bad) {
        problems.add(DaneFinding.DANE_TLSA_UNUSABLE.with(r.owner() + " TLSA " + bad.text() + ": " + bad.problem()));
        continue;
      }
      TlsaRecord record = ((TlsaParser.Parsed.Valid) parsed).record();
      String why = record.unusable();
      if (why != null) {
        problems.add(DaneFinding.DANE_TLSA_UNUSABLE.with(r.owner() + " TLSA " + record.brief() + ": " + why));
      } else {
        usable.add(record);
      }
    }
    return usable;
  }
}
