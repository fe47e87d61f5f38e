package io.mailsweep.check.transport;

import io.mailsweep.domain.DomainName;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Whether a presented chain authenticates a host: PKIX validation against the run's trust anchors
 * (the JDK's plus {@code --trust-ca}) and a name match (RFC 6125 as profiled for SMTP by RFC 7817).
 */
public interface CertificateJudge {
  /** Null when {@code chain} (leaf first) is valid now for {@code host}; else the reason, one line. */
  String failure(DomainName host, List<X509Certificate> chain);
}
