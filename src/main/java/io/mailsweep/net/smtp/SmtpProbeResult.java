package io.mailsweep.net.smtp;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What one probe of one address saw.
 *
 * @param banner the greeting's first line, bounded; null when none arrived
 * @param starttlsAdvertised whether the EHLO reply listed STARTTLS
 * @param protocol the negotiated protocol of the main handshake (JDK defaults offered), else null
 * @param cipherSuite the negotiated cipher suite of the main handshake, else null
 * @param chain the certificates the server presented, leaf first, unvalidated; empty without TLS
 * @param protocols the per-version handshakes, newest first; empty when not probed
 * @param weakCiphersAccepted weak suites (RC4, 3DES, export, NULL, anonymous) the server accepted
 * @param weakCiphersNote what the weak-cipher test could and could not offer, else null
 * @param detail one line for the report: which step failed and how, or what was negotiated
 * @param millis wall time of the whole probe, extra handshakes included
 */
public record SmtpProbeResult(
    InetSocketAddress target,
    SmtpOutcome outcome,
    String banner,
    boolean starttlsAdvertised,
    String protocol,
    String cipherSuite,
    List<X509Certificate> chain,
    List<ProtocolSupport> protocols,
    List<String> weakCiphersAccepted,
    String weakCiphersNote,
    String detail,
    long millis) {

  public SmtpProbeResult {
    chain = List.copyOf(chain);
    protocols = List.copyOf(protocols);
    weakCiphersAccepted = List.copyOf(weakCiphersAccepted);
  }
}
