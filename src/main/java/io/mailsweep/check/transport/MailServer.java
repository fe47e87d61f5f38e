package io.mailsweep.check.transport;

/**
 * One MX address as the report's Mail servers sheet shows it: what the STARTTLS probe saw and how
 * its certificate was judged for the MX host name. All fields are display text; null where the
 * probe did not get that far.
 *
 * @param starttls {@code yes}, {@code no}, or {@code not tested: <why>}
 * @param protocols the protocol versions the server accepted, newest first, e.g. {@code TLSv1.3 TLSv1.2}
 * @param key the leaf's key and signature, e.g. {@code EC 256 bits, SHA256withECDSA}
 * @param validation the certificate's validation for the host, e.g. {@code valid}, {@code expired}
 * @param detail what the probe reported, one line
 */
public record MailServer(
    String host,
    String address,
    int port,
    String starttls,
    String protocol,
    String cipher,
    String protocols,
    String weakCiphers,
    String subject,
    String issuer,
    String notAfter,
    String key,
    String validation,
    String detail) {}
