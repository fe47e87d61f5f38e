package io.mailsweep.store;

/**
 * The certificate a run saw on one mail server (a {@code mail_server} row), as run-to-run
 * comparisons read it. Texts are as stored; {@code notAfter} is an ISO-8601 instant or null.
 */
public record MailServerCertificate(
    String host, String address, int port, String subject, String issuer, String notAfter) {

  /** Whether the probe got as far as a certificate. */
  public boolean seen() {
    return subject != null || issuer != null || notAfter != null;
  }
}
