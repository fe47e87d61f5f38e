package io.mailsweep.job;

/**
 * An accepted input row waiting to be scanned.
 *
 * @param extras the row's other columns, CSV-encoded as stored
 */
public record ScanItem(long inputRowId, String domain, String extras) {}
