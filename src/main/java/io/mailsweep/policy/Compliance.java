package io.mailsweep.policy;

/**
 * A domain's verdict against a profile. INCONCLUSIVE means no rule failed but something could not
 * be determined: it is never read as compliant, nor as non-compliant.
 */
public enum Compliance {
  COMPLIANT,
  NON_COMPLIANT,
  INCONCLUSIVE
}
