package io.mailsweep.net.smtp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What one handshake offers: protocols and cipher suites, always set explicitly on the socket,
 * because {@link LegacyTls#enable()} widens the JDK's defaults. The strong offer is the JDK's
 * default with everything {@link LegacyTls} re-enabled taken out again.
 *
 * @param label how the offer is named in notes: "default", "TLSv1.1 only", "weak suites"
 */
public record TlsOffer(String label, List<String> protocols, List<String> suites) {
  static final List<String> VERSIONS = List.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1");

  static final Set<String> LEGACY_PROTOCOLS = Set.of("TLSv1.1", "TLSv1", "SSLv3", "SSLv2Hello");

  /** Signals secure renegotiation (RFC 5746 §3.3); JSSE lists it among the suites. */
  static final String RENEGOTIATION_SCSV = "TLS_EMPTY_RENEGOTIATION_INFO_SCSV";

  public TlsOffer {
    protocols = List.copyOf(protocols);
    suites = List.copyOf(suites);
  }

  /** The JDK's default protocols and suites as they are before {@link LegacyTls#enable()}. */
  public static TlsOffer strong() {
    List<String> protocols = new ArrayList<>();
    for (String p : ProbeTls.defaults().getProtocols()) {
      if (!LEGACY_PROTOCOLS.contains(p)) {
        protocols.add(p);
      }
    }
    return new TlsOffer("default", protocols, strongSuites());
  }

  static List<String> strongSuites() {
    return Arrays.stream(ProbeTls.defaults().getCipherSuites()).filter(s -> !WeakSuites.isWeak(s)).toList();
  }

  /** One protocol version with the strong suites. */
  static TlsOffer only(String protocol) {
    return new TlsOffer(protocol + " only", List.of(protocol), strongSuites());
  }

  /** TLSv1.1 and TLSv1 with the strong suites, if this JVM offers either; else null. */
  public static TlsOffer legacy() {
    List<String> protocols = List.of("TLSv1.1", "TLSv1").stream().filter(LegacyTls::offers).toList();
    return protocols.isEmpty() ? null : new TlsOffer("legacy protocols", protocols, strongSuites());
  }

  /** {@code weakSuites} with TLSv1.2 and every older version this JVM offers. */
  static TlsOffer weak(List<String> weakSuites) {
    List<String> protocols = new ArrayList<>(List.of("TLSv1.2"));
    List.of("TLSv1.1", "TLSv1").stream().filter(LegacyTls::offers).forEach(protocols::add);
    List<String> suites = new ArrayList<>(weakSuites);
    suites.add(RENEGOTIATION_SCSV);
    return new TlsOffer("weak suites", protocols, suites);
  }
}
