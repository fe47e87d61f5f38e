package io.mailsweep.check.starttls;

import io.mailsweep.check.CheckResult.Attribute;
import io.mailsweep.check.starttls.Observed.Answer;
import io.mailsweep.net.smtp.ProtocolSupport;
import io.mailsweep.net.smtp.SmtpProbeResult;
import io.mailsweep.net.smtp.WeakSuites;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the STARTTLS probes learnt about protocol versions and weak suites, over the addresses that
 * completed STARTTLS, as named values for compliance profiles:
 *
 * <ul>
 *   <li>{@code tls-versions}: every version any of them accepted, oldest first, comma-separated;
 *   <li>{@code tls-versions-tested}: {@code yes} when each of them answered a TLS 1.0 and a TLS 1.1
 *       handshake of its own (accepted or refused), else {@code no} (the test was switched off, or
 *       this JVM could not offer them). SSLv3 and SSLv2 are never offered: no JDK can;
 *   <li>{@code weak-ciphers}: the weak families any of them accepted ({@code 3DES}, {@code NULL},
 *       {@code anonymous DH}, ...), comma-separated, or {@code none};
 *   <li>{@code weak-ciphers-tested}: {@code yes} when the weak-suite handshakes ran on each of them,
 *       else {@code no}. Which families this JVM could offer is in the Mail servers sheet (RC4 and
 *       export suites cannot be offered by current JDKs).
 * </ul>
 */
final class TlsAttributes {
  static final String TLS_VERSIONS = "tls-versions";
  static final String TLS_VERSIONS_TESTED = "tls-versions-tested";
  static final String WEAK_CIPHERS = "weak-ciphers";
  static final String WEAK_CIPHERS_TESTED = "weak-ciphers-tested";
  private static final List<String> LEGACY = List.of("TLSv1", "TLSv1.1");

  private TlsAttributes() {}

  static List<Attribute> of(List<Observed> servers) {
    List<Observed> tls = servers.stream().filter(s -> s.answer() == Answer.YES).toList();
    Set<String> versions = new LinkedHashSet<>();
    Set<String> families = new LinkedHashSet<>();
    boolean versionsTested = !tls.isEmpty();
    boolean weakTested = !tls.isEmpty();
    for (Observed s : tls) {
      SmtpProbeResult r = s.probe().result();
      versions.addAll(StartTlsEvaluator.accepted(s));
      r.weakCiphersAccepted().forEach(suite -> families.add(familyOf(suite)));
      versionsTested &= legacyTested(r.protocols());
      weakTested &= r.weakCiphersNote() != null;
    }
    List<String> ordered = TlsVersions.ORDER.stream().filter(versions::contains).toList();
    List<Attribute> out = new ArrayList<>();
    out.add(new Attribute(TLS_VERSIONS, String.join(",", ordered)));
    out.add(new Attribute(TLS_VERSIONS_TESTED, versionsTested ? "yes" : "no"));
    out.add(new Attribute(WEAK_CIPHERS, families.isEmpty() ? "none" : String.join(",", families)));
    out.add(new Attribute(WEAK_CIPHERS_TESTED, weakTested ? "yes" : "no"));
    return out;
  }

  private static boolean legacyTested(List<ProtocolSupport> protocols) {
    return LEGACY.stream().allMatch(v -> protocols.stream().anyMatch(p -> p.protocol().equals(v)
        && (p.support() == ProtocolSupport.Support.ACCEPTED || p.support() == ProtocolSupport.Support.REFUSED)));
  }

  private static String familyOf(String suite) {
    String family = WeakSuites.family(suite);
    return family == null ? suite : family;
  }
}
