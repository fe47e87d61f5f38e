package io.mailsweep.scan;

/** A scan result together with the input row it belongs to. */
public record ScannedDomain(long inputRowId, DomainScan scan) {}
