package io.mailsweep.job;

/** An accepted input row waiting to be scanned. */
public record ScanItem(long inputRowId, String domain) {}
