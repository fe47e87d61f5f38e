package io.mailsweep.testing.tls;

import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A certificate minted by a test, with its private key and the chain a server presents (leaf
 * first, issuing CA last; just the leaf when self-signed).
 */
public record HeldCertificate(PrivateKey key, List<X509Certificate> chain) {
  private static final char[] PASSWORD = "test".toCharArray();

  public HeldCertificate {
    chain = List.copyOf(chain);
  }

  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** A server-side TLS context presenting this certificate and chain. */
  public SSLContext serverContext() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("server", key, PASSWORD, chain.toArray(X509Certificate[]::new));
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(store, PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, null);
      return context;
    } catch (Exception e) {
      throw new IllegalStateException("cannot build a server context for the test certificate", e);
    }
  }

  /** The chain in PEM, leaf first, as servers such as nginx and Postfix read it. */
  public String chainPem() {
    StringBuilder s = new StringBuilder();
    for (X509Certificate c : chain) {
      s.append(TestCa.pem(c));
    }
    return s.toString();
  }

  /** The private key in PKCS#8 PEM. */
  public String keyPem() {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }
}
