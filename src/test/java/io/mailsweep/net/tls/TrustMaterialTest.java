package io.mailsweep.net.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsweep.testing.tls.HeldCertificate;
import io.mailsweep.testing.tls.TestCa;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run's anchors, and the trust manager and TLS context built on them, over loopback. */
class TrustMaterialTest {
  private static final int TIMEOUT_MILLIS = 5_000;
  private static final TestCa LAB = TestCa.create("Lab CA");
  private static final TestCa OTHER = TestCa.create("Other Lab CA");
  private static final HeldCertificate SERVER = LAB.issue("mx1.test");

  @TempDir
  Path dir;

  private final ExecutorService executor = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void jdkDefaultsHoldThePlatformCasButNoLabCa() {
    TrustMaterial jdk = TrustMaterial.jdkDefaults();

    assertThat(jdk.anchors()).isNotEmpty();
    assertThat(jdk.isAnchor(LAB.certificate())).isFalse();
    assertThat(jdk.describe()).startsWith("JDK trust store (" + jdk.anchors().size() + " CAs)");
  }

  @Test
  void extraBundleAddsItsCertificatesToTheJdkOnes() throws Exception {
    Path bundle = Files.writeString(dir.resolve("lab.pem"), LAB.pem() + OTHER.pem() + LAB.pem());

    TrustMaterial trust = TrustMaterial.withExtra(List.of(bundle));

    assertThat(trust.anchors()).hasSize(TrustMaterial.jdkDefaults().anchors().size() + 2);
    assertThat(trust.isAnchor(LAB.certificate())).isTrue();
    assertThat(trust.isAnchor(OTHER.certificate())).isTrue();
    assertThat(trust.describe()).endsWith(" + lab.pem (3)");
  }

  @Test
  void oneBadFileFailsTheWholeSet() throws Exception {
    Path good = Files.writeString(dir.resolve("lab.pem"), LAB.pem());
    Path empty = Files.writeString(dir.resolve("empty.pem"), "");

    assertThatThrownBy(() -> TrustMaterial.withExtra(List.of(good, empty)))
        .isInstanceOf(TrustMaterialException.class).hasMessage(empty + ": file is empty");
  }

  @Test
  void trustManagerValidatesAgainstExactlyItsAnchors() throws Exception {
    X509Certificate[] chain = SERVER.chain().toArray(X509Certificate[]::new);

    TrustMaterial.only(List.of(LAB.certificate())).trustManager().checkServerTrusted(chain, "ECDHE_ECDSA");
    assertThatThrownBy(() -> TrustMaterial.only(List.of(OTHER.certificate())).trustManager()
        .checkServerTrusted(chain, "ECDHE_ECDSA")).isInstanceOf(CertificateException.class);
    assertThatThrownBy(() -> TrustMaterial.jdkDefaults().trustManager().checkServerTrusted(chain, "ECDHE_ECDSA"))
        .isInstanceOf(CertificateException.class);
    assertThat(TrustMaterial.only(List.of(LAB.certificate())).trustManager().getAcceptedIssuers())
        .containsExactly(LAB.certificate());
  }

  @Test
  void noAnchorsTrustsNothing() {
    TrustMaterial none = TrustMaterial.only(List.of());

    assertThat(none.anchors()).isEmpty();
    assertThatThrownBy(() -> none.trustManager().checkServerTrusted(
        SERVER.chain().toArray(X509Certificate[]::new), "ECDHE_ECDSA"))
        .isInstanceOf(CertificateException.class).hasMessage("no trust anchors configured");
  }

  @Test
  void anchorsAreTheGivenCertificates() {
    TrustMaterial trust = TrustMaterial.only(List.of(LAB.certificate(), OTHER.certificate()));

    assertThat(trust.anchors()).extracting(TrustAnchor::getTrustedCert)
        .containsExactlyInAnyOrder(LAB.certificate(), OTHER.certificate());
  }

  @Test
  void clientContextCompletesAHandshakeWithALabServerOnlyWhenItsCaIsTrusted() throws Exception {
    Path bundle = Files.writeString(dir.resolve("lab.pem"), LAB.pem());

    handshake(TrustMaterial.withExtra(List.of(bundle)).clientContext(), "mx1.test");
    assertThatThrownBy(() -> handshake(TrustMaterial.jdkDefaults().clientContext(), "mx1.test"))
        .isInstanceOf(SSLHandshakeException.class);
    assertThatThrownBy(() -> handshake(TrustMaterial.withExtra(List.of(bundle)).clientContext(), "mx2.test"))
        .isInstanceOf(SSLHandshakeException.class);
  }

  /** One TLS handshake with a loopback server presenting {@link #SERVER}, checking {@code host}. */
  private void handshake(SSLContext client, String host) throws Exception {
    InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    try (SSLServerSocket server = (SSLServerSocket) SERVER.serverContext().getServerSocketFactory()
        .createServerSocket(0, 1, loopback)) {
      server.setSoTimeout(TIMEOUT_MILLIS);
      Future<?> accepted = executor.submit(() -> serveOnce(server));
      try (Socket plain = new Socket()) {
        plain.connect(new InetSocketAddress(loopback, server.getLocalPort()), TIMEOUT_MILLIS);
        plain.setSoTimeout(TIMEOUT_MILLIS);
        SSLSocket tls = (SSLSocket) client.getSocketFactory().createSocket(plain, host, server.getLocalPort(), false);
        SSLParameters params = tls.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(params);
        tls.startHandshake();
        OutputStream out = tls.getOutputStream();
        out.write('x');
        out.flush();
        assertThat(tls.getInputStream().read()).isEqualTo('x');
      } finally {
        accepted.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      }
    }
  }

  private static Void serveOnce(SSLServerSocket server) throws Exception {
    try (Socket s = server.accept()) {
      s.setSoTimeout(TIMEOUT_MILLIS);
      InputStream in = s.getInputStream();
      int b = in.read();
      if (b >= 0) {
        s.getOutputStream().write(b);
        s.getOutputStream().flush();
      }
    } catch (Exception e) {
      // the client's handshake failure shows on the client side
    }
    return null;
  }
}
