package io.mailsweep.check.tlsrpt;

/**
 * Why a record is unusable, and where.
 *
 * @param position the index in the record text where the offending part starts
 */
public record TlsRptProblem(TlsRptFinding type, int position, String message) {}
