package io.mailsweep.testing.smtp;

import io.mailsweep.testing.tls.HeldCertificate;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;

/** The server-side TLS context of a scenario; without a certificate only anonymous suites work. */
final class ServerTls {
  private ServerTls() {}

  static SSLContext context(HeldCertificate certificate) {
    if (certificate != null) {
      return certificate.serverContext();
    }
    try {
      SSLContext anonymous = SSLContext.getInstance("TLS");
      anonymous.init(null, null, null);
      return anonymous;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
