package io.mailsweep.testing.dns;

import java.util.List;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * A zone signed by {@link ZoneSigner}: its records (DNSKEY, NSEC and RRSIG included) and the trust
 * anchors a validator needs for it.
 *
 * @param records every record of the signed zone, the SOA first and each RRSIG after the RRset it
 *     covers
 */
public record SignedZone(Name origin, List<Record> records, DNSKEYRecord key, DSRecord ds) {
  public SignedZone {
    records = List.copyOf(records);
  }

  /** The zone as a master file with absolute names, as {@link LabDns#serve} and Master read it. */
  public String text() {
    StringBuilder s = new StringBuilder();
    for (Record r : records) {
      s.append(r).append('\n');
    }
    return s.toString();
  }

  /** The DS record of the key as a trust anchor line (RFC 4034 §5.3 presentation). */
  public String trustAnchor() {
    return ds + "\n";
  }

  /** The DNSKEY itself as a trust anchor line, the other form validators accept. */
  public String keyAnchor() {
    return key + "\n";
  }
}
