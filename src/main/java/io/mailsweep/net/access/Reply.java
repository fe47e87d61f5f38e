package io.mailsweep.net.access;

/**
 * A server's answer to the greeting or to STARTTLS, reduced to what the probe decides on.
 *
 * @param positive {@code * OK}, {@code +OK}, 220 and the like
 * @param line the response's status line as sent, printable and bounded
 */
record Reply(boolean positive, String line) {}
