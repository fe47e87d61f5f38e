package io.mailsweep.check;

/**
 * The fixed definition behind a finding: a stable code that reports, databases and profiles may
 * rely on, its severity, the remediation an administrator should apply and the RFC section that
 * grounds it.
 */
public record FindingDefinition(
    String code, Severity severity, String remediation, String reference) {}
