package io.mailsweep.check.dane;

/**
 * Settings of the DANE check, fixed for a run.
 *
 * @param port the SMTP port whose TLSA records are looked up, {@code _<port>._tcp.<mx host>}: 25
 *     for MX delivery (RFC 7672 §2.2.3)
 * @param dnssec whether the DNS handed to the check can authenticate answers at all (a trust anchor
 *     or a trusted validating resolver, see {@code DnsSettings#dnssecConfigured()}); without it
 *     every domain is INCONCLUSIVE
 */
public record DaneSettings(int port, boolean dnssec) {
  public static final int SMTP_PORT = 25;

  public DaneSettings {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("DANE port must be between 1 and 65535");
    }
  }

  public static DaneSettings of(boolean dnssec) {
    return new DaneSettings(SMTP_PORT, dnssec);
  }
}
