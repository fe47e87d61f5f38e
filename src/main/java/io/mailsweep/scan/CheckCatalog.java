package io.mailsweep.scan;

import io.mailsweep.check.Check;
import io.mailsweep.check.CheckOptions;
import io.mailsweep.check.bimi.BimiCheck;
import io.mailsweep.check.dkim.DkimCheck;
import io.mailsweep.check.dmarc.DmarcCheck;
import io.mailsweep.check.mx.MxCheck;
import io.mailsweep.check.spf.SpfCheck;
import io.mailsweep.check.tlsrpt.TlsRptCheck;
import io.mailsweep.net.dns.Dns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** The checks mailsweep knows, by their stable names. */
public final class CheckCatalog {
  private static final Map<String, BiFunction<Dns, CheckOptions, Check>> CHECKS = new LinkedHashMap<>();

  static {
    CHECKS.put(SpfCheck.NAME, (dns, options) -> new SpfCheck(dns));
    CHECKS.put(DmarcCheck.NAME, (dns, options) -> new DmarcCheck(dns));
    CHECKS.put(DkimCheck.NAME, (dns, options) -> new DkimCheck(dns, options));
    CHECKS.put(BimiCheck.NAME, (dns, options) -> new BimiCheck(dns));
    CHECKS.put(MxCheck.NAME, (dns, options) -> new MxCheck(dns));
    CHECKS.put(TlsRptCheck.NAME, (dns, options) -> new TlsRptCheck(dns));
  }

  private CheckCatalog() {}

  public static List<String> names() {
    return List.copyOf(CHECKS.keySet());
  }

  /** The names in a comma-separated list, validated; throws with the known names otherwise. */
  public static List<String> parse(String commaSeparated) {
    List<String> out = new ArrayList<>();
    for (String part : commaSeparated.split(",")) {
      String name = part.trim().toLowerCase(java.util.Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      if (!CHECKS.containsKey(name)) {
        throw new IllegalArgumentException(
            "unknown check '" + name + "'; known checks: " + String.join(", ", names()));
      }
      if (!out.contains(name)) {
        out.add(name);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no check named; known checks: " + String.join(", ", names()));
    }
    return out;
  }

  static List<Check> create(List<String> names, Dns dns, CheckOptions options) {
    return names.stream().map(n -> CHECKS.get(n).apply(dns, options)).toList();
  }
}
