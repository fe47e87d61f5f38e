package io.mailsweep.check.starttls;

import java.util.List;

/** The TLS protocol versions by age, in JSSE's names (SSLSocket.getSession().getProtocol()). */
final class TlsVersions {
  /** Oldest first. */
  static final List<String> ORDER = List.of("SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

  private TlsVersions() {}

  /** The older of two versions; unknown names rank oldest, nulls are ignored. */
  static String older(String a, String b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return rank(a) <= rank(b) ? a : b;
  }

  /** Whether the version is deprecated (RFC 8996: TLS 1.0 and 1.1; SSL long before). */
  static boolean legacy(String version) {
    return version != null && rank(version) < rank("TLSv1.2");
  }

  private static int rank(String version) {
    return ORDER.indexOf(version);
  }
}
