package io.mailsweep.check;

import java.util.List;

/** How much a finding matters to an auditor. */
public enum Severity {
  INFO,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /**
   * The usual status of a check from its findings: HIGH or CRITICAL fails, LOW or MEDIUM warns,
   * INFO (or no finding) passes. Checks with other rules (DMARC, BIMI) say so where they decide.
   */
  public static Status statusOf(List<Finding> findings) {
    Status status = Status.PASS;
    for (Finding f : findings) {
      status = status.worse(f.severity().compareTo(HIGH) >= 0 ? Status.FAIL
          : f.severity() == INFO ? Status.PASS : Status.WARN);
    }
    return status;
  }
}
