package io.mailsweep.check.mtasts;

import java.util.List;

/**
 * A well-formed MTA-STS TXT record at {@code _mta-sts.<domain>} (RFC 8461 §3.1).
 *
 * @param id the policy's version identifier: 1 to 32 letters and digits, case kept
 * @param extensions the names of extension fields, in record order (senders ignore them)
 */
public record MtaStsRecord(String id, List<String> extensions) {
  public MtaStsRecord {
    extensions = List.copyOf(extensions);
    if (!MtaStsRecordParser.ID.matcher(id).matches()) {
      throw new IllegalArgumentException("an MTA-STS id is 1 to 32 letters and digits: '" + id + "'");
    }
  }
}
