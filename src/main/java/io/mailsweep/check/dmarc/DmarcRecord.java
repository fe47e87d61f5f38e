package io.mailsweep.check.dmarc;

import java.util.Map;

/**
 * A parsed DMARC policy record.
 *
 * @param tags every tag in record order, names lower-cased, values trimmed
 * @param policy the p= value: none, quarantine or reject
 */
public record DmarcRecord(String text, Map<String, String> tags, String policy) {
  public DmarcRecord {
    tags = Map.copyOf(tags);
  }
}
