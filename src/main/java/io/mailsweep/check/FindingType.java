package io.mailsweep.check;

/**
 * The fixed definition behind a finding: a stable code that reports, databases and profiles may
 * rely on, its severity, the remediation an administrator should apply and the RFC section that
 * grounds it. Each check declares its types as an enum implementing this interface.
 */
public interface FindingType {
  String code();

  Severity severity();

  String remediation();

  String reference();

  default Finding with(String message) {
    return new Finding(code(), severity(), message, remediation(), reference());
  }
}
