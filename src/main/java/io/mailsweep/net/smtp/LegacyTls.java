package io.mailsweep.net.smtp;

import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets this JVM offer what JDK 17 disables by default, so that the probe can find out whether a
 * server still accepts it: TLSv1 and TLSv1.1 (deprecated by RFC 8996), 3DES (RFC 7457 §2.4,
 * Sweet32), anonymous and NULL suites. SSLv3, RC4 (RFC 7465), DES, MD5withRSA and the key-size
 * constraints stay disabled. Relaxing the property weakens nothing else by itself only because
 * every handshake of the probe sets its protocols and suites explicitly ({@link TlsOffer}).
 *
 * <p>JSSE reads {@value #PROPERTY} once, when its classes initialise; {@link #enable()} must run
 * before anything in the JVM touches {@code javax.net.ssl}, so {@code Main} calls it first thing.
 */
public final class LegacyTls {
  public static final String PROPERTY = "jdk.tls.disabledAlgorithms";

  /** The entries {@link #enable()} removes from {@value #PROPERTY}. */
  static final Set<String> RELAXED = Set.of("TLSv1", "TLSv1.1", "3DES_EDE_CBC", "anon", "NULL");

  private static final Map<String, Boolean> OFFERS = new ConcurrentHashMap<>();

  private LegacyTls() {}

  /** Removes {@link #RELAXED} from the security property; idempotent. */
  public static synchronized void enable() {
    String current = Security.getProperty(PROPERTY);
    if (current != null) {
      Security.setProperty(PROPERTY, relax(current));
    }
  }

  /** {@code value} without the {@link #RELAXED} entries, other entries unchanged and in order. */
  static String relax(String value) {
    List<String> kept = new ArrayList<>();
    for (String entry : value.split(",")) {
      String trimmed = entry.strip();
      if (!trimmed.isEmpty() && !RELAXED.contains(trimmed)) {
        kept.add(trimmed);
      }
    }
    return String.join(", ", kept);
  }

  /**
   * Whether this JVM can now offer {@code protocol} (JSSE name) with the probe's strong suites: a
   * client engine limited to it must begin a handshake. Cached; the answer cannot change later.
   */
  public static boolean offers(String protocol) {
    return OFFERS.computeIfAbsent(protocol, p -> ProbeTls.canOffer(List.of(p), TlsOffer.strongSuites()));
  }

  /** Why {@link #offers} is false for {@code protocol}, one line. */
  static String whyNot(String protocol) {
    return "this JVM cannot offer " + protocol + " (" + PROPERTY
        + " disables it, or LegacyTls.enable() ran after JSSE had initialised)";
  }
}
