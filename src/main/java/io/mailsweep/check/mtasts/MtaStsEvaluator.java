package io.mailsweep.check.mtasts;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.Finding;
import io.mailsweep.check.Status;
import io.mailsweep.check.mx.MxEvaluation;
import io.mailsweep.check.mx.MxHosts;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsRecord;
import io.mailsweep.net.dns.DnsStatus;
import io.mailsweep.net.https.FetchOutcome;
import io.mailsweep.net.https.FetchResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges a domain's MTA-STS from what the check gathered (RFC 8461 §3, §4, §5). Pure.
 *
 * <p>Statuses: MTA-STS is optional, so no record only warns (LOW), and is not applicable for a
 * domain that accepts no mail (null MX or no mail host). A domain that publishes MTA-STS senders
 * cannot use (several or malformed records, a policy that cannot be fetched or is invalid, a
 * policy without its record) fails, like TLS-RPT: it meant to have a policy and has none. A
 * valid policy is judged by its findings (testing, none and a short max_age warn; MX hosts an
 * enforced policy would refuse fail). Lookups, connections and MX probes that could not test
 * make the result inconclusive with the reason, unless a failure is already certain.
 */
public final class MtaStsEvaluator {
  private MtaStsEvaluator() {}

  /** The TXT texts at {@code _mta-sts.<domain>} that are MTA-STS records (§3.1 record selection). */
  public static List<String> stsTexts(DnsAnswer txt) {
    List<String> texts = new ArrayList<>();
    if (txt.status() == DnsStatus.ANSWER) {
      for (DnsRecord r : txt.records()) {
        if (MtaStsRecordParser.isSts(r.joinedText())) {
          texts.add(r.joinedText());
        }
      }
    }
    return texts;
  }

  /**
   * Whether the policy host is worth asking: for one valid record (§3.3), and without a record to
   * find a policy published without it. Several or malformed records end discovery (§3.1).
   */
  public static boolean wantsPolicy(DnsAnswer txt) {
    if (!txt.status().conclusive()) {
      return false;
    }
    List<String> texts = stsTexts(txt);
    return texts.isEmpty()
        || texts.size() == 1 && MtaStsRecordParser.parse(texts.get(0)) instanceof MtaStsRecordParser.Parsed.Valid;
  }

  /**
   * @param txt the TXT answer at {@code _mta-sts.<domain>}
   * @param retrieval the policy host's lookups and fetches; null when {@link #wantsPolicy} is false
   * @param mx the domain's MX evaluation; null when {@link #wantsPolicy} is false
   * @param certificates for an enforced policy, the verdicts on the covered MX hosts' addresses
   */
  public static MtaStsEvaluation evaluate(DomainName domain, DnsAnswer txt, PolicyRetrieval retrieval,
      MxEvaluation mx, List<MxCertificate> certificates) {
    List<String> evidence = MtaStsEvidence.of(txt, retrieval, mx, certificates);
    if (!txt.status().conclusive()) {
      return inconclusive("TXT lookup " + txt.describe(), evidence);
    }
    List<String> texts = stsTexts(txt);
    if (texts.isEmpty()) {
      return absent(domain, txt, retrieval, mx, evidence);
    }
    if (texts.size() > 1) {
      Finding f = MtaStsFinding.MTASTS_MULTIPLE_RECORDS.with(texts.size() + " MTA-STS records at " + txt.name()
          + ": " + String.join(" | ", texts));
      return failed("invalid: " + texts.size() + " records", List.of(f), evidence);
    }
    MtaStsRecordParser.Parsed parsed = MtaStsRecordParser.parse(texts.get(0));
    if (parsed instanceof MtaStsRecordParser.Parsed.Invalid invalid) {
      List<Finding> findings = invalid.problems().stream()
          .map(p -> MtaStsFinding.MTASTS_RECORD_INVALID.with(p + " in \"" + texts.get(0) + "\"")).toList();
      return failed("invalid: record " + invalid.problems().get(0), findings, evidence);
    }
    MtaStsRecord record = ((MtaStsRecordParser.Parsed.Valid) parsed).record();
    return withRecord(record, retrieval, mx, certificates, evidence);
  }

  private static MtaStsEvaluation withRecord(MtaStsRecord record, PolicyRetrieval retrieval, MxEvaluation mx,
      List<MxCertificate> certificates, List<String> evidence) {
    if (retrieval == null || mx == null) {
      throw new IllegalArgumentException("a valid record is judged with the policy host's retrieval and the MX hosts");
    }
    FetchResult fetched = retrieval.result();
    if (fetched == null) {
      return unfetched(retrieval, evidence);
    }
    String from = "policy fetch from " + retrieval.host() + " at "
        + retrieval.attempts().get(retrieval.attempts().size() - 1).address() + ": ";
    if (!fetched.outcome().conclusive()) {
      return inconclusive(from + fetched.outcome() + " (" + fetched.detail() + ")", evidence);
    }
    if (fetched.outcome() != FetchOutcome.OK) {
      Finding f = FetchFindings.of(fetched.outcome()).with(from + fetched.detail());
      String detail = fetched.detail();
      String shown = fetched.outcome() == FetchOutcome.TLS_FAILED && detail.contains(": ")
          ? detail.substring(0, detail.indexOf(": ")) : detail;
      return failed("invalid: policy not fetched (" + shown + ")", List.of(f), evidence);
    }
    MtaStsPolicyParser.Parsed policy = MtaStsPolicyParser.parse(fetched.body());
    if (policy instanceof MtaStsPolicyParser.Parsed.Invalid invalid) {
      List<Finding> findings = invalid.problems().stream()
          .map(p -> MtaStsFinding.MTASTS_POLICY_INVALID.with("https://" + retrieval.host() + ": " + p)).toList();
      return failed("invalid: policy " + invalid.problems().get(0), findings, evidence);
    }
    return PolicyJudge.judge(record, ((MtaStsPolicyParser.Parsed.Valid) policy).policy(), mx, certificates,
        evidence);
  }

  /** A valid record, but no fetch was made: no address, or none we may contact. */
  private static MtaStsEvaluation unfetched(PolicyRetrieval retrieval, List<String> evidence) {
    DomainName host = retrieval.host();
    if (!retrieval.hasAddresses()) {
      String failure = retrieval.lookupFailure();
      if (failure != null) {
        return inconclusive("address lookup of the policy host failed: " + failure, evidence);
      }
      Finding f = MtaStsFinding.MTASTS_POLICY_HOST_MISSING.with(host + " has no A or AAAA record ("
          + retrieval.a().status() + "/" + retrieval.aaaa().status() + ")");
      return failed("invalid: policy host " + host + " has no address", List.of(f), evidence);
    }
    List<String> reasons = retrieval.refused().stream().map(r -> r.refusal().reason()).toList();
    boolean allSpecial = !reasons.isEmpty() && retrieval.refused().stream().allMatch(r -> r.refusal().special());
    if (allSpecial && retrieval.lookupFailure() == null) {
      Finding f = MtaStsFinding.MTASTS_POLICY_HOST_SPECIAL_ADDRESS.with(host
          + " resolves only to addresses senders cannot reach: " + String.join("; ", reasons));
      return failed("invalid: policy host " + host + " has no public address", List.of(f), evidence);
    }
    return inconclusive("policy host " + host + " not contacted: " + (reasons.isEmpty() ? "no usable address"
        : String.join("; ", reasons)), evidence);
  }

  private static MtaStsEvaluation absent(DomainName domain, DnsAnswer txt, PolicyRetrieval retrieval,
      MxEvaluation mx, List<String> evidence) {
    String body = retrieval == null ? null : retrieval.body();
    if (body != null && MtaStsPolicyParser.looksLikePolicy(body)) {
      MtaStsPolicyParser.Parsed parsed = MtaStsPolicyParser.parse(body);
      String state = parsed instanceof MtaStsPolicyParser.Parsed.Valid v ? "mode " + v.policy().mode().text()
          : "invalid: " + ((MtaStsPolicyParser.Parsed.Invalid) parsed).problems().get(0);
      Finding f = MtaStsFinding.MTASTS_POLICY_WITHOUT_RECORD.with("https://" + retrieval.host()
          + " serves a policy (" + state + ") but " + txt.name() + " has no v=STSv1 TXT record (" + txt.status() + ")");
      return new MtaStsEvaluation(result(Status.FAIL, MtaStsPosture.WITHOUT_RECORD, null, List.of(f), evidence),
          new MtaStsPosture(MtaStsPosture.ABSENT, false));
    }
    MtaStsPosture posture = new MtaStsPosture(MtaStsPosture.ABSENT, null);
    MxHosts hosts = mx == null ? null : mx.hosts();
    if (hosts != null && hosts.complete()
        && (hosts.kind() == MxHosts.Kind.NULL_MX || hosts.kind() == MxHosts.Kind.NONE)) {
      return new MtaStsEvaluation(result(Status.NOT_APPLICABLE, "absent (domain accepts no mail)", null, List.of(),
          evidence), posture);
    }
    Finding f = MtaStsFinding.MTASTS_MISSING.with("No TXT record starting with \"" + MtaStsRecordParser.VERSION
        + "\" at " + txt.name() + " (" + txt.status() + ")");
    return new MtaStsEvaluation(result(Status.WARN, MtaStsPosture.ABSENT, null, List.of(f), evidence), posture);
  }

  private static MtaStsEvaluation failed(String summary, List<Finding> findings, List<String> evidence) {
    return new MtaStsEvaluation(result(Status.FAIL, summary, null, findings, evidence),
        new MtaStsPosture(MtaStsPosture.UNKNOWN, false));
  }

  private static MtaStsEvaluation inconclusive(String reason, List<String> evidence) {
    return new MtaStsEvaluation(CheckResult.inconclusive(MtaStsCheck.NAME, reason, evidence),
        new MtaStsPosture(MtaStsPosture.UNKNOWN, null));
  }

  static CheckResult result(Status status, String summary, String reason, List<Finding> findings,
      List<String> evidence) {
    return new CheckResult(MtaStsCheck.NAME, status, summary, reason, findings, evidence);
  }
}
