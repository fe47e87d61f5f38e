package io.mailsweep.net.smtp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weak cipher suites the probe can offer, found by asking this JVM rather than by a fixed list:
 * every supported suite of a weak family that a client engine can actually put in a ClientHello
 * with TLSv1.2 or older. Families: 3DES (RFC 7457 §2.4), NULL encryption, anonymous key exchange
 * (RFC 5246 §A.5: no authentication), RC4 (RFC 7465) and single DES. Export suites are not offered:
 * the JDK no longer implements them.
 */
public final class WeakSuites {
  /** Family name for notes, and the fragment of the suite name that marks it. */
  private static final Map<String, String> FAMILIES = families();

  private WeakSuites() {}

  private static Map<String, String> families() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("3DES", "_3DES_");
    m.put("NULL", "_NULL_");
    m.put("anonymous DH", "_DH_anon_");
    m.put("anonymous ECDH", "_ECDH_anon_");
    m.put("RC4", "_RC4_");
    m.put("DES", "_DES_");
    m.put("export", "EXPORT");
    return m;
  }

  static boolean isWeak(String suite) {
    return family(suite) != null;
  }

  /** The weak family of a suite name ({@code 3DES}, {@code RC4}, {@code NULL}, ...), else null. */
  public static String family(String suite) {
    String padded = suite + "_";
    for (Map.Entry<String, String> f : FAMILIES.entrySet()) {
      if (padded.contains(f.getValue())) {
        return f.getKey();
      }
    }
    return null;
  }

  /** The weak suites this JVM can offer, in the JDK's preference order; computed once. */
  static List<String> offerable() {
    return Holder.OFFERABLE;
  }

  /** What the weak-cipher test offers and what it cannot, one line. */
  static String note() {
    return Holder.NOTE;
  }

  private static final class Holder {
    static final List<String> OFFERABLE = find();
    static final String NOTE = describe(OFFERABLE);

    private static List<String> find() {
      List<String> protocols = List.of("TLSv1.2", "TLSv1.1", "TLSv1");
      List<String> found = new ArrayList<>();
      for (String suite : ProbeTls.supportedSuites()) {
        if (isWeak(suite) && ProbeTls.canOffer(protocols, List.of(suite))) {
          found.add(suite);
        }
      }
      return List.copyOf(found);
    }

    private static String describe(List<String> offerable) {
      List<String> offered = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      for (String name : FAMILIES.keySet()) {
        boolean any = offerable.stream().anyMatch(s -> name.equals(family(s)));
        (any ? offered : missing).add(name);
      }
      String what = offered.isEmpty()
          ? "offered no weak suite"
          : "offered " + offerable.size() + " weak suites (" + String.join(", ", offered) + ") with TLSv1.2 and older";
      return missing.isEmpty() ? what : what + "; this JVM cannot offer " + String.join(", ", missing)
          + " suites (export suites are gone from the JDK, the others are disabled by " + LegacyTls.PROPERTY + ")";
    }
  }
}
