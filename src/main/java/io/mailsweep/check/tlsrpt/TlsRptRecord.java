package io.mailsweep.check.tlsrpt;

import java.util.List;

/**
 * A well-formed TLS-RPT policy record (RFC 8460 §3).
 *
 * @param rua the report destinations as written, each a valid mailto: or https: URI, at least one
 * @param extensions the names of extension fields, in record order (senders ignore unknown ones)
 */
public record TlsRptRecord(List<String> rua, List<String> extensions) {
  public TlsRptRecord {
    rua = List.copyOf(rua);
    extensions = List.copyOf(extensions);
    if (rua.isEmpty()) {
      throw new IllegalArgumentException("a TLS-RPT record has at least one rua destination");
    }
  }
}
