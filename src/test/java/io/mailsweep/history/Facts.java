package io.mailsweep.history;

import io.mailsweep.check.Status;
import io.mailsweep.policy.CheckFacts;
import io.mailsweep.policy.DomainFacts;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small builders of stored facts for the drift tests. */
final class Facts {
  private Facts() {}

  static DomainFacts domain(String name, CheckFacts... checks) {
    Map<String, CheckFacts> map = new LinkedHashMap<>();
    Status overall = Status.NOT_APPLICABLE;
    for (CheckFacts c : checks) {
      map.put(c.check(), c);
      overall = overall.worse(c.status());
    }
    return new DomainFacts(1, 2, name, checks.length == 0 ? null : overall, map);
  }

  static CheckFacts check(String name, Status status, String summary, String... codes) {
    return new CheckFacts(name, status, summary, Set.of(codes), Map.of());
  }

  static CheckFacts withAttributes(CheckFacts c, String... nameValue) {
    Map<String, String> a = new LinkedHashMap<>();
    for (int i = 0; i + 1 < nameValue.length; i += 2) {
      a.put(nameValue[i], nameValue[i + 1]);
    }
    return new CheckFacts(c.check(), c.status(), c.summary(), c.findingCodes(), a);
  }

  static CheckFacts dmarc(String policy, Status status, String... codes) {
    return check("dmarc", status, policy + "; pct=100; rua ok; aspf=r adkim=r", codes);
  }

  static CheckFacts mtaSts(String mode, Status status, String... codes) {
    return withAttributes(check("mtasts", status, mode + " (valid; max_age 86400)", codes),
        "MTA-STS mode", mode, "MTA-STS valid", "yes");
  }

  static List<DomainFacts> run(DomainFacts... domains) {
    return Arrays.asList(domains);
  }
}
