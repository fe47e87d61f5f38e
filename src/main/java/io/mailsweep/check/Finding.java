package io.mailsweep.check;

/** One observation about a domain, with everything needed to act on it. */
public record Finding(
    String code, Severity severity, String message, String remediation, String reference) {}
