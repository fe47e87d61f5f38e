package io.mailsweep.check.dkim;

import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsRecord;
import io.mailsweep.net.dns.DnsStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * What one selector's answer means, once the wildcard check is accounted for.
 *
 * @param parsed the TXT records at the selector that are DKIM records (valid or not); empty unless
 *     {@code kind} is FOUND
 */
record SelectorResult(SelectorPlan.Probe probe, DnsAnswer answer, Kind kind, List<DkimKeyParser.Parsed> parsed) {

  enum Kind {
    /** One or more DKIM records, valid or not. */
    FOUND,
    /** NXDOMAIN or NODATA, not through an alias. */
    ABSENT,
    /** NXDOMAIN or NODATA at the end of a CNAME chain: a delegation to a name without a key. */
    DANGLING,
    /** TXT records, none of them a DKIM record. */
    NOT_A_KEY,
    /** The same answer as the random selector got: synthesised from a wildcard, no evidence of a key. */
    WILDCARD,
    /** The lookup failed (timeout, SERVFAIL, ...): nothing is known. */
    FAILED
  }

  SelectorResult {
    parsed = List.copyOf(parsed);
  }

  Selector selector() {
    return probe.selector();
  }

  static SelectorResult classify(SelectorPlan.Probe probe, DnsAnswer answer, DnsAnswer wildcard) {
    if (!answer.status().conclusive()) {
      return new SelectorResult(probe, answer, Kind.FAILED, List.of());
    }
    if (isWildcard(wildcard) && sameAnswer(answer, wildcard)) {
      return new SelectorResult(probe, answer, Kind.WILDCARD, List.of());
    }
    if (answer.status() != DnsStatus.ANSWER) {
      return new SelectorResult(probe, answer, answer.cnameChain().isEmpty() ? Kind.ABSENT : Kind.DANGLING, List.of());
    }
    List<DkimKeyParser.Parsed> dkim = new ArrayList<>();
    for (DnsRecord r : answer.records()) {
      DkimKeyParser.Parsed p = DkimKeyParser.parse(r.joinedText());
      if (!(p instanceof DkimKeyParser.Parsed.NotDkim)) {
        dkim.add(p);
      }
    }
    return new SelectorResult(probe, answer, dkim.isEmpty() ? Kind.NOT_A_KEY : Kind.FOUND, dkim);
  }

  /**
   * Whether the random selector got something other than a plain denial: records, or an alias.
   * Either would be handed to every selector without an explicit record (RFC 4592 §3.3.1).
   */
  static boolean isWildcard(DnsAnswer wildcard) {
    return wildcard != null && wildcard.status().conclusive()
        && (wildcard.status() == DnsStatus.ANSWER || !wildcard.cnameChain().isEmpty());
  }

  /** Same status, alias chain and record data; owner names differ for synthesised records. */
  private static boolean sameAnswer(DnsAnswer a, DnsAnswer b) {
    return a.status() == b.status() && a.cnameChain().equals(b.cnameChain()) && data(a).equals(data(b));
  }

  private static List<String> data(DnsAnswer a) {
    return a.records().stream().map(DnsRecord::data).sorted().toList();
  }
}
