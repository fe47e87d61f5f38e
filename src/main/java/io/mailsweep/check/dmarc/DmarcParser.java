package io.mailsweep.check.dmarc;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Parses the tag list of RFC 7489 §6.4 far enough to read the policy. */
public final class DmarcParser {
  private static final Set<String> POLICIES = Set.of("none", "quarantine", "reject");

  /** Parsed record or the reason it is invalid. */
  public sealed interface Parsed {
    record Valid(DmarcRecord record) implements Parsed {}

    record Invalid(String reason) implements Parsed {}
  }

  private DmarcParser() {}

  /** Whether a TXT text is a DMARC record candidate at all (RFC 7489 §6.6.3 step 5). */
  public static boolean isDmarc(String text) {
    return text.trim().matches("(?i)v\\s*=\\s*DMARC1\\s*(;.*)?");
  }

  public static Parsed parse(String text) {
    Map<String, String> tags = new LinkedHashMap<>();
    String[] parts = text.split(";");
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i].trim();
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq <= 0) {
        return new Parsed.Invalid("malformed tag '" + part + "' (expected name=value)");
      }
      String name = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      if (i == 0 && !name.equals("v")) {
        return new Parsed.Invalid("the record must start with v=DMARC1");
      }
      tags.putIfAbsent(name, part.substring(eq + 1).trim());
    }
    String policy = tags.get("p");
    if (policy == null) {
      return new Parsed.Invalid("no p= tag");
    }
    if (!POLICIES.contains(policy.toLowerCase(Locale.ROOT))) {
      return new Parsed.Invalid("p=" + policy + " is not none, quarantine or reject");
    }
    return new Parsed.Valid(new DmarcRecord(text, tags, policy.toLowerCase(Locale.ROOT)));
  }
}
