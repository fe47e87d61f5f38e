package io.mailsweep.check;

import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsRecord;
import java.util.ArrayList;
import java.util.List;

/** Evidence lines for the report: the question, its outcome and the records that came back. */
public final class DnsEvidence {
  private DnsEvidence() {}

  public static List<String> of(DnsAnswer answer) {
    List<String> lines = new ArrayList<>();
    lines.add(";; " + answer.describe() + (answer.cnameChain().isEmpty() ? "" : " via CNAME " + answer.cnameChain()));
    for (DnsRecord r : answer.records()) {
      lines.add(r.presentation());
    }
    return lines;
  }
}
