package io.mailsweep.check.spf;

/** A mechanism's qualifier (RFC 7208 §4.6.2); absent means PASS. */
public enum Qualifier {
  PASS('+', SpfResult.PASS),
  FAIL('-', SpfResult.FAIL),
  SOFTFAIL('~', SpfResult.SOFTFAIL),
  NEUTRAL('?', SpfResult.NEUTRAL);

  private final char symbol;
  private final SpfResult result;

  Qualifier(char symbol, SpfResult result) {
    this.symbol = symbol;
    this.result = result;
  }

  public char symbol() {
    return symbol;
  }

  /** The result check_host() returns when a mechanism with this qualifier matches. */
  public SpfResult result() {
    return result;
  }

  /** The qualifier for a symbol, or null when {@code c} is not one. */
  public static Qualifier of(char c) {
    for (Qualifier q : values()) {
      if (q.symbol == c) {
        return q;
      }
    }
    return null;
  }
}
