package io.mailsweep.net.https;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import javax.net.ssl.SSLException;

/**
 * Names what a failed TLS handshake says about the server, one line: an expired certificate, a
 * certificate for another name, an untrusted chain, or another handshake failure. The most
 * specific cause anywhere in the chain of exceptions wins.
 */
final class TlsFailures {
  private TlsFailures() {}

  static String describe(SSLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = messageOf(t);
      if (t instanceof CertificateExpiredException
          || t instanceof CertPathValidatorException v && v.getReason() == BasicReason.EXPIRED) {
        return "certificate expired: " + cut(message);
      }
      if (t instanceof CertificateNotYetValidException
          || t instanceof CertPathValidatorException v && v.getReason() == BasicReason.NOT_YET_VALID) {
        return "certificate not yet valid: " + cut(message);
      }
      if (message.startsWith("No subject alternative") || message.startsWith("No name matching")) {
        return "certificate name mismatch: " + cut(message);
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (messageOf(t).contains("PKIX path") || t instanceof CertPathValidatorException) {
        return "certificate not trusted: " + cut(messageOf(t));
      }
    }
    return "handshake failed: " + cut(messageOf(e));
  }

  private static String messageOf(Throwable t) {
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  private static String cut(String message) {
    return Printable.cut(message, HttpsSettings.MAX_QUOTE_CHARS);
  }
}
