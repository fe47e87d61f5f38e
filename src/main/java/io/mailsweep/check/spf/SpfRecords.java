package io.mailsweep.check.spf;

import io.mailsweep.net.dns.DnsRecord;
import java.util.List;
import java.util.Locale;

/** Record selection of RFC 7208 §4.5: the TXT records that are SPF records. */
public final class SpfRecords {
  private SpfRecords() {}

  /** The joined texts of the records whose text is "v=spf1" alone or followed by a space. */
  public static List<String> select(List<DnsRecord> txtRecords) {
    return txtRecords.stream().map(DnsRecord::joinedText).filter(SpfRecords::isSpf).toList();
  }

  static boolean isSpf(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.equals("v=spf1") || lower.startsWith("v=spf1 ");
  }
}
