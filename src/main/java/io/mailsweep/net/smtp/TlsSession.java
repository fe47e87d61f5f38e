package io.mailsweep.net.smtp;

import java.security.cert.X509Certificate;
import java.util.List;

/** What one completed handshake negotiated, and the chain presented (leaf first, unvalidated). */
public record TlsSession(String protocol, String cipherSuite, List<X509Certificate> chain) {
  public TlsSession {
    chain = List.copyOf(chain);
  }

  /** One line for reports: {@code TLSv1.3 TLS_AES_128_GCM_SHA256}. */
  public String summary() {
    return protocol + " " + cipherSuite;
  }
}
