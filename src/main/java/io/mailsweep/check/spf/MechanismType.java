package io.mailsweep.check.spf;

/** The mechanisms of RFC 7208 §5. */
public enum MechanismType {
  ALL(false),
  INCLUDE(true),
  A(true),
  MX(true),
  PTR(true),
  IP4(false),
  IP6(false),
  EXISTS(true);

  private final boolean countsLookup;

  MechanismType(boolean countsLookup) {
    this.countsLookup = countsLookup;
  }

  /** Whether evaluating it counts against the limit of 10 DNS-querying terms (§4.6.4). */
  public boolean countsLookup() {
    return countsLookup;
  }
}
