package io.mailsweep.check.transport;

/**
 * Thresholds for judging server certificates, fixed for a run.
 *
 * @param expiryWarnDays a certificate with fewer days left warns (default 30: ACME clients such as
 *     certbot renew with 30 days left, so a certificate below that has missed its renewal)
 * @param minRsaBits RSA (and DSA) keys shorter than this are weak (default 2048: NIST SP 800-57
 *     Part 1 Rev. 5 §5.6.2's 112-bit floor; also the CA/Browser Forum Baseline Requirements §6.1.5)
 * @param minEcBits elliptic-curve keys on a smaller field are weak (default 256: P-256, the
 *     smallest curve the Baseline Requirements §6.1.5 allow)
 */
public record CertificateSettings(int expiryWarnDays, int minRsaBits, int minEcBits) {
  public static final CertificateSettings DEFAULTS = new CertificateSettings(30, 2048, 256);

  public CertificateSettings {
    if (expiryWarnDays < 0 || expiryWarnDays > 365) {
      throw new IllegalArgumentException("certificate expiry warning must be 0 to 365 days, not " + expiryWarnDays);
    }
    if (minRsaBits < 512 || minRsaBits > 16384) {
      throw new IllegalArgumentException("minimum RSA key size must be 512 to 16384 bits, not " + minRsaBits);
    }
    if (minEcBits < 160 || minEcBits > 571) {
      throw new IllegalArgumentException("minimum EC key size must be 160 to 571 bits, not " + minEcBits);
    }
  }
}
