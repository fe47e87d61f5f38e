package io.mailsweep.check.mtasts;

/**
 * The two MTA-STS columns of the report.
 *
 * @param mode {@code enforce}, {@code testing} or {@code none} when a valid policy was read under
 *     a valid record; {@link #ABSENT} when the domain publishes no record; {@link #UNKNOWN} when
 *     what it publishes is unusable or could not be read
 * @param valid true when senders can use the record and the policy; false when the domain
 *     publishes MTA-STS that senders cannot use; null when absent or not determined
 */
public record MtaStsPosture(String mode, Boolean valid) {
  public static final String ABSENT = "absent";
  public static final String UNKNOWN = "unknown";

  /** The result summary's first words for a policy served without its TXT record. */
  static final String WITHOUT_RECORD = "absent (policy without record)";

  /**
   * The posture from a stored result summary, whose forms the evaluator guarantees: {@code <mode>
   * (valid; ...)}, {@code absent...}, {@value #WITHOUT_RECORD}, {@code invalid: ...}, {@code
   * inconclusive}.
   */
  public static MtaStsPosture fromSummary(String summary) {
    for (MtaStsPolicy.Mode m : MtaStsPolicy.Mode.values()) {
      if (summary.startsWith(m.text() + " (valid")) {
        return new MtaStsPosture(m.text(), true);
      }
    }
    if (summary.startsWith(WITHOUT_RECORD)) {
      return new MtaStsPosture(ABSENT, false);
    }
    if (summary.startsWith(ABSENT)) {
      return new MtaStsPosture(ABSENT, null);
    }
    return new MtaStsPosture(UNKNOWN, summary.startsWith("invalid") ? false : null);
  }
}
