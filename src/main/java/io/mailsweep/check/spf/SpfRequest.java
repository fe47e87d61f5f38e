package io.mailsweep.check.spf;

import java.net.InetAddress;

/**
 * The inputs of check_host() (RFC 7208 §4.1) as an SMTP receiver has them.
 *
 * @param mailFrom the MAIL FROM address, empty for the null reverse-path; then the HELO identity
 *     is checked with sender {@code postmaster@<helo>} (§2.4)
 * @param helo the HELO/EHLO domain
 * @param receiver the receiving host's name, for the %{r} macro ("unknown" when not known)
 */
public record SpfRequest(InetAddress ip, String mailFrom, String helo, String receiver) {}
