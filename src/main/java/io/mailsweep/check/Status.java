package io.mailsweep.check;

/**
 * The outcome of a check for one domain, ordered from best to worst for roll-ups. INCONCLUSIVE
 * ranks worse than FAIL on purpose: a domain that could not be fully tested must never look
 * better than one that was tested and failed, and is reported as such.
 */
public enum Status {
  NOT_APPLICABLE,
  PASS,
  WARN,
  FAIL,
  INCONCLUSIVE;

  public Status worse(Status other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
