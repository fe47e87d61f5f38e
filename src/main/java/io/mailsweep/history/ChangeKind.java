package io.mailsweep.history;

/**
 * What changed between two runs. The order of the constants is the order in which one domain's
 * changes are listed.
 */
public enum ChangeKind {
  DOMAIN_ADDED("Domain added"),
  DOMAIN_REMOVED("Domain removed"),
  NEWLY_NON_COMPLIANT("Newly non-compliant"),
  NEWLY_COMPLIANT("Newly compliant"),
  VERDICT_CHANGED("Verdict changed"),
  POLICY_DOWNGRADED("Policy downgraded"),
  POLICY_UPGRADED("Policy upgraded"),
  STATUS_WORSE("Status worse"),
  STATUS_BETTER("Status better"),
  /** Between PASS and NOT_APPLICABLE, neither better nor worse. */
  STATUS_CHANGED("Status changed"),
  /** Determined before, could not be determined now: never counted as worse. */
  STATUS_INCONCLUSIVE("Now inconclusive"),
  /** Could not be determined before, determined now: never counted as better or worse. */
  STATUS_CONCLUSIVE("Now conclusive"),
  FINDING_NEW("New finding"),
  FINDING_RESOLVED("Resolved finding"),
  CERTIFICATE_CHANGED("Certificate changed"),
  CERTIFICATE_EXPIRING("Certificate expiring");

  private final String label;

  ChangeKind(String label) {
    this.label = label;
  }

  /** The words the workbook shows. */
  public String label() {
    return label;
  }
}
