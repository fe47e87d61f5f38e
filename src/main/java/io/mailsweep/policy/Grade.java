package io.mailsweep.policy;

/**
 * A letter for a score, for readers who want one (US style: there is no E). From the score: A at
 * 90 or more, B at 75, C at 60, D at 40, else F; then capped by the verdict, so that the letter
 * never says more than the verdict: a NON_COMPLIANT domain is at best C, an INCONCLUSIVE one at
 * best B, and A is only ever given to a COMPLIANT domain.
 */
public enum Grade {
  A,
  B,
  C,
  D,
  F;

  /** The grade of a score (0-100) under a verdict; null when the score is null. */
  public static Grade of(Integer score, Compliance compliance) {
    if (score == null) {
      return null;
    }
    Grade g = score >= 90 ? A : score >= 75 ? B : score >= 60 ? C : score >= 40 ? D : F;
    Grade cap = compliance == Compliance.NON_COMPLIANT ? C : compliance == Compliance.INCONCLUSIVE ? B : A;
    return g.ordinal() < cap.ordinal() ? cap : g;
  }
}
