package io.mailsweep.check.dmarc;

import java.util.Locale;

/** A requested handling policy (RFC 7489 §6.3 p=, sp=; draft-ietf-dmarc-dmarcbis (DMARCbis) np=), weakest first. */
public enum DmarcPolicy {
  NONE,
  QUARANTINE,
  REJECT;

  /** The policy for a value in any case, or null if it is not one (ABNF strings are case-insensitive). */
  public static DmarcPolicy parse(String value) {
    for (DmarcPolicy p : values()) {
      if (p.token().equalsIgnoreCase(value)) {
        return p;
      }
    }
    return null;
  }

  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean weakerThan(DmarcPolicy other) {
    return ordinal() < other.ordinal();
  }

  /**
   * The next weaker policy: what receivers apply to the mail that pct= leaves out (RFC 7489
   * §6.6.4) or under t=y (draft-ietf-dmarc-dmarcbis (DMARCbis)).
   */
  public DmarcPolicy lowered() {
    return this == NONE ? NONE : values()[ordinal() - 1];
  }

  /** Quarantine or reject: failing mail is kept from the inbox. */
  public boolean enforcing() {
    return this != NONE;
  }
}
