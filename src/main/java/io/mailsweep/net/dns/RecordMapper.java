package io.mailsweep.net.dns;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Record;
import org.xbill.DNS.SPFRecord;
import org.xbill.DNS.TXTRecord;

/** Turns dnsjava records into evidence values. */
final class RecordMapper {
  private RecordMapper() {}

  static DnsRecord toRecord(Record r, RecordType type) {
    String owner = r.getName().toString();
    if (owner.endsWith(".") && owner.length() > 1) {
      owner = owner.substring(0, owner.length() - 1);
    }
    return new DnsRecord(owner, type, r.getTTL(), r.rdataToString(), strings(r));
  }

  /**
   * TXT character-strings decoded as UTF-8, one per wire string. Records are specified as ASCII
   * (RFC 7208 §3.1); UTF-8 keeps the evidence readable when a zone breaks that rule, and the
   * parsers flag the non-ASCII text.
   */
  private static List<String> strings(Record r) {
    List<byte[]> raws;
    if (r instanceof TXTRecord txt) {
      raws = txt.getStringsAsByteArrays();
    } else if (r instanceof SPFRecord spf) {
      raws = spf.getStringsAsByteArrays();
    } else {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (byte[] raw : raws) {
      out.add(new String(raw, StandardCharsets.UTF_8));
    }
    return out;
  }
}
