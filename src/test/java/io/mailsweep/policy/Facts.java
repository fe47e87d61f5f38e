package io.mailsweep.policy;

import io.mailsweep.check.Status;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * DomainFacts built in tests: {@link #perfect()} passes every rule of every shipped profile, and
 * each method changes one fact, as a scan of a domain configured that way would store it.
 */
final class Facts {
  private final Map<String, CheckFacts> checks = new LinkedHashMap<>();
  private boolean reached = true;

  static Facts perfect() {
    Facts f = new Facts();
    f.put("spf", Status.PASS, "valid; -all; 2 lookups", Set.of(), "validity", "valid", "all", "-all", "lookups", "2");
    f.put("dmarc", Status.PASS, "p=reject; pct=100; rua ok; aspf=r adkim=r", Set.of(), "p", "reject", "policy",
        "reject", "pct", "100", "t", "n", "adkim", "r", "aspf", "r",
        "rua", "mailto:dmarc@vendor.test,mailto:reports@dmarc.cyber.dhs.gov", "owner", "vendor.test");
    f.put("dkim", Status.PASS, "s1: rsa 2048", Set.of(), "selectors", "s1", "usable-keys", "1",
        "min-rsa-bits", "2048");
    f.put("mx", Status.PASS, "1 host", Set.of());
    f.put("starttls", Status.PASS, "STARTTLS yes (1/1 addresses); worst TLSv1.2", Set.of(), "STARTTLS on MX", "yes",
        "Worst TLS", "TLSv1.2", "Certificate", "valid", "tls-versions", "TLSv1.2,TLSv1.3", "tls-versions-tested", "yes",
        "weak-ciphers", "none", "weak-ciphers-tested", "yes");
    f.put("mtasts", Status.PASS, "enforce (valid; 1/1 MX covered)", Set.of(), "MTA-STS mode", "enforce",
        "MTA-STS valid", "yes");
    f.put("tlsrpt", Status.PASS, "rua: mailto:tls@vendor.test", Set.of());
    f.put("bimi", Status.NOT_APPLICABLE, "none", Set.of());
    return f;
  }

  /** Replaces a check's facts: status, summary, finding codes, then attribute name/value pairs. */
  Facts put(String check, Status status, String summary, Set<String> codes, String... attributes) {
    Map<String, String> a = new LinkedHashMap<>();
    for (int i = 0; i < attributes.length; i += 2) {
      a.put(attributes[i], attributes[i + 1]);
    }
    checks.put(check, new CheckFacts(check, status, summary, codes, a));
    return this;
  }

  /** Sets (or with a null value removes) one attribute of a check. */
  Facts attribute(String check, String name, String value) {
    CheckFacts c = checks.get(check);
    Map<String, String> a = new HashMap<>(c.attributes());
    if (value == null) {
      a.remove(name);
    } else {
      a.put(name, value);
    }
    checks.put(check, new CheckFacts(check, c.status(), c.summary(), c.findingCodes(), a));
    return this;
  }

  Facts status(String check, Status status) {
    CheckFacts c = checks.get(check);
    checks.put(check, new CheckFacts(check, status, c.summary(), c.findingCodes(), c.attributes()));
    return this;
  }

  Facts finding(String check, String code) {
    CheckFacts c = checks.get(check);
    Set<String> codes = new java.util.HashSet<>(c.findingCodes());
    codes.add(code);
    checks.put(check, new CheckFacts(check, c.status(), c.summary(), codes, c.attributes()));
    return this;
  }

  Facts without(String check) {
    checks.remove(check);
    return this;
  }

  Facts unreached() {
    reached = false;
    return this;
  }

  DomainFacts build() {
    Status overall = null;
    if (reached) {
      overall = Status.NOT_APPLICABLE;
      for (CheckFacts c : checks.values()) {
        overall = overall.worse(c.status());
      }
    }
    return new DomainFacts(1, 2, "vendor.test", overall, reached ? checks : Map.of());
  }
}
