package io.mailsweep.check;

/** How much a finding matters to an auditor. */
public enum Severity {
  INFO,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL
}
