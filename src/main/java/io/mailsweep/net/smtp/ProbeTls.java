package io.mailsweep.net.smtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The client side of the probe's handshakes. Certificates are captured, not judged: the trust
 * manager accepts every chain (a {@link X509ExtendedTrustManager}, so that JSSE adds no checks of
 * its own), and {@code CertificateJudge} validates the chain afterwards. Each handshake gets a
 * fresh context, so no session is ever resumed and every handshake shows the server's own choice.
 * {@link #layer} and {@link #session} are public for the other probes of mail servers ({@code
 * net.access}).
 */
public final class ProbeTls {
  private static final X509ExtendedTrustManager CAPTURE_ALL = new CaptureAll();

  private ProbeTls() {}

  /** The JDK's default client parameters (widened by {@link LegacyTls#enable()} if it ran). */
  static SSLParameters defaults() {
    return Defaults.PARAMETERS;
  }

  /** Every suite this JVM implements and has not disabled. */
  static List<String> supportedSuites() {
    return List.of(Defaults.SUPPORTED.getCipherSuites());
  }

  /** Layers TLS over {@code plain} offering {@code offer}; SNI only when {@code serverName} is set. */
  public static SSLSocket layer(Socket plain, InetSocketAddress target, TlsOffer offer, String serverName)
      throws IOException {
    // The address literal as peer host: JSSE sends no SNI for it and does no reverse lookup.
    String peer = target.getAddress().getHostAddress();
    SSLSocket tls = (SSLSocket) context().getSocketFactory().createSocket(plain, peer, target.getPort(), true);
    SSLParameters parameters = tls.getSSLParameters();
    parameters.setProtocols(offer.protocols().toArray(String[]::new));
    parameters.setCipherSuites(offer.suites().toArray(String[]::new));
    if (serverName != null) {
      parameters.setServerNames(List.of(new SNIHostName(serverName)));
    }
    tls.setSSLParameters(parameters);
    tls.setUseClientMode(true);
    return tls;
  }

  /** What a completed handshake negotiated and the chain the server presented, leaf first. */
  public static TlsSession session(SSLSocket tls) {
    SSLSession session = tls.getSession();
    List<X509Certificate> chain = new ArrayList<>();
    try {
      for (Certificate c : session.getPeerCertificates()) {
        if (c instanceof X509Certificate x) {
          chain.add(x);
        }
      }
    } catch (SSLPeerUnverifiedException anonymous) {
      // Anonymous suites present no certificate.
    }
    return new TlsSession(session.getProtocol(), session.getCipherSuite(), chain);
  }

  /** Whether a client engine with exactly these protocols and suites can begin a handshake. */
  static boolean canOffer(List<String> protocols, List<String> suites) {
    try {
      SSLEngine engine = context().createSSLEngine();
      engine.setUseClientMode(true);
      engine.setEnabledProtocols(protocols.toArray(String[]::new));
      engine.setEnabledCipherSuites(suites.toArray(String[]::new));
      engine.beginHandshake();
      ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
      return engine.wrap(ByteBuffer.allocate(0), out).bytesProduced() > 0;
    } catch (SSLException | IllegalArgumentException e) {
      return false;
    }
  }

  private static SSLContext context() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {CAPTURE_ALL}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no usable TLS implementation", e);
    }
  }

  /** Initialised on first use, after {@link LegacyTls#enable()} has had its chance. */
  private static final class Defaults {
    static final SSLParameters PARAMETERS = context().getDefaultSSLParameters();
    static final SSLParameters SUPPORTED = context().getSupportedSSLParameters();
  }

  private static final class CaptureAll extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
