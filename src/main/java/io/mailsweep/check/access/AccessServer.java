package io.mailsweep.check.access;

/**
 * One probed mail-access address as the report's Mail access sheet shows it. All fields are
 * display text; null where the probe did not get that far.
 *
 * @param service the SRV service, e.g. {@code imaps}, {@code submission}
 * @param tls {@code implicit TLS}, {@code STARTTLS}, {@code no}, or {@code not tested: <why>}
 * @param loginBeforeTls {@code yes: <mechanisms>} or {@code no}; null for implicit TLS or unknown
 * @param validation the certificate's validation for the host, e.g. {@code valid}, {@code expired}
 * @param detail what the probe reported, one line
 */
public record AccessServer(
    String host,
    String address,
    int port,
    String service,
    String tls,
    String loginBeforeTls,
    String protocol,
    String cipher,
    String subject,
    String issuer,
    String notAfter,
    String validation,
    String detail) {}
