package io.mailsweep.check.dmarc;

/** Identifier alignment mode, adkim= and aspf= (RFC 7489 §3.1, §6.3). */
public enum Alignment {
  RELAXED("r"),
  STRICT("s");

  private final String token;

  Alignment(String token) {
    this.token = token;
  }

  public static Alignment parse(String value) {
    for (Alignment a : values()) {
      if (a.token.equalsIgnoreCase(value)) {
        return a;
      }
    }
    return null;
  }

  public String token() {
    return token;
  }
}
