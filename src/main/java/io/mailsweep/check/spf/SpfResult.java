package io.mailsweep.check.spf;

/** The results of check_host() (RFC 7208 §2.6). */
public enum SpfResult {
  NONE,
  NEUTRAL,
  PASS,
  FAIL,
  SOFTFAIL,
  TEMPERROR,
  PERMERROR;

  /** The lower-case name the RFC and the test suite use. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
