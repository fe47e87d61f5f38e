package io.mailsweep.check.spf;

/** Where a macro-string occurs, which decides the macro letters and characters it may use. */
public enum MacroScope {
  /** A domain-spec of a mechanism, redirect= or exp=: no c, r or t (RFC 7208 §7.1). */
  DOMAIN_SPEC("slodiphv", false),
  /**
   * The value of an unknown modifier: the full macro-letter set of the ABNF (RFC 7208 §12). It is
   * never expanded, so the exp-only rule of §7.1 is not applied to it.
   */
  MODIFIER("slodiphvcrt", false),
  /** The explain-string of an exp= TXT record: c, r and t allowed, and SP (RFC 7208 §6.2, §7.1). */
  EXPLANATION("slodiphvcrt", true);

  private final String letters;
  private final boolean spaces;

  MacroScope(String letters, boolean spaces) {
    this.letters = letters;
    this.spaces = spaces;
  }

  /** Whether the lower-case macro letter may be used here. */
  public boolean allowsLetter(char lowerCaseLetter) {
    return letters.indexOf(lowerCaseLetter) >= 0;
  }

  /** Whether a literal SP may appear (only in explain-string). */
  public boolean allowsSpace() {
    return spaces;
  }
}
