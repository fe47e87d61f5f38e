package io.mailsweep.net.access;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What one probe of one mail-access service saw.
 *
 * @param greeting the greeting's first line, bounded and printable; null when none arrived
 * @param capabilities what the server offered before TLS for {@link AccessSecurity#STARTTLS} (IMAP
 *     CAPABILITY, POP3 CAPA, the EHLO keywords of submission), upper-cased, in the order given; for
 *     {@link AccessSecurity#IMPLICIT_TLS} those offered over TLS; empty when not learnt
 * @param starttlsAdvertised whether the plaintext capabilities listed STARTTLS (STLS for POP3);
 *     false for implicit TLS
 * @param loginBeforeTls whether the plaintext service offered a way to send credentials before
 *     TLS (IMAP without LOGINDISABLED or with AUTH=PLAIN/LOGIN, POP3 USER or SASL, submission AUTH
 *     in the EHLO reply); null for implicit TLS and when the capabilities could not be learnt
 * @param loginMechanisms the ways to log in offered before TLS, e.g. {@code LOGIN}, {@code
 *     AUTH=PLAIN}, {@code USER}; empty when none or not learnt
 * @param tlsProtocol the negotiated protocol, e.g. {@code TLSv1.3}; null without TLS
 * @param cipherSuite the negotiated cipher suite; null without TLS
 * @param chain the certificates presented, leaf first, unvalidated; empty without TLS
 * @param detail one line for the report: what was negotiated, or which step failed and how
 * @param millis wall time of the whole probe
 */
public record AccessProbeResult(
    InetSocketAddress target,
    AccessProtocol protocol,
    AccessSecurity security,
    AccessOutcome outcome,
    String greeting,
    List<String> capabilities,
    boolean starttlsAdvertised,
    Boolean loginBeforeTls,
    List<String> loginMechanisms,
    String tlsProtocol,
    String cipherSuite,
    List<X509Certificate> chain,
    String detail,
    long millis) {

  public AccessProbeResult {
    capabilities = List.copyOf(capabilities);
    loginMechanisms = List.copyOf(loginMechanisms);
    chain = List.copyOf(chain);
  }
}
