package io.mailsweep.net.https;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import javax.net.ssl.SSLException;

/**
 * Names what a failed TLS handshake says about the server, one line: an untrusted chain, an
 * expired certificate, a certificate for another name, or another handshake failure.
 */
final class TlsFailures {
  private TlsFailures() {}

  static String describe(SSLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      if (t instanceof CertificateExpiredException
          || t instanceof CertPathValidatorException v && v.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
        return "certificate expired: " + cut(message);
      }
      if (t instanceof CertificateNotYetValidException) {
        return "certificate not yet valid: " + cut(message);
      }
      if (message.startsWith("No subject alternative") || message.startsWith("No name matching")) {
        return "certificate name mismatch: " + cut(message);
      }
      if (message.contains("PKIX path") || t instanceof CertPathValidatorException) {
        return "certificate not trusted: " + cut(message);
      }
    }
    return "handshake failed: " + cut(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }

  private static String cut(String message) {
    return Printable.cut(message, HttpsSettings.MAX_QUOTE_CHARS);
  }
}
