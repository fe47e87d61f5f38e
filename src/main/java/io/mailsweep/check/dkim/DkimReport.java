package io.mailsweep.check.dkim;

import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsRecord;
import io.mailsweep.net.dns.DnsStatus;
import java.util.List;
import java.util.stream.Collectors;

/** The words of the DKIM result: summary fragments and compact evidence lines. */
final class DkimReport {
  /** Record text longer than this is shortened in finding messages (keys are long). */
  private static final int MAX_QUOTED = 80;

  private DkimReport() {}

  /** E.g. {@code not found among 42 probed selectors}. */
  static String notFound(int probed) {
    return "not found among " + probed + " probed " + (probed == 1 ? "selector" : "selectors");
  }

  /** A key for the summary: {@code rsa 2048}, {@code rsa 1024 (t=y)}, {@code invalid record}. */
  static String describe(DkimKeyParser.Parsed parsed) {
    if (parsed instanceof DkimKeyParser.Parsed.Key k) {
      List<String> notes = k.key().notes();
      return k.key().describe() + (notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")");
    }
    return "invalid record";
  }

  /** An answer in a few words: its records (shortened) and alias chain, or its status. */
  static String answer(DnsAnswer a) {
    String via = a.cnameChain().isEmpty() ? "" : " via CNAME " + String.join(" → ", a.cnameChain());
    if (a.status() != DnsStatus.ANSWER) {
      return a.status() + via;
    }
    return a.records().stream().map(DkimReport::quote).collect(Collectors.joining(", ")) + via;
  }

  /**
   * One evidence line per group of selectors that simply have no key, or only the wildcard's
   * answer, instead of one per name: a catalogue probe is dozens of names.
   */
  static void absent(List<SelectorResult> results, List<String> evidence) {
    group(results, SelectorResult.Kind.ABSENT, evidence, "no record (NXDOMAIN or NODATA)");
    group(results, SelectorResult.Kind.WILDCARD, evidence, "the wildcard's answer, not counted");
  }

  private static void group(List<SelectorResult> results, SelectorResult.Kind kind, List<String> evidence,
      String what) {
    List<String> names = results.stream().filter(r -> r.kind() == kind).map(r -> r.selector().name()).toList();
    if (!names.isEmpty()) {
      evidence.add(";; " + names.size() + " of " + results.size() + " selectors got " + what + ": "
          + String.join(", ", names));
    }
  }

  private static String quote(DnsRecord r) {
    String text = r.strings().isEmpty() ? r.data() : r.joinedText();
    return "\"" + (text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED - 1) + "…") + "\"";
  }
}
