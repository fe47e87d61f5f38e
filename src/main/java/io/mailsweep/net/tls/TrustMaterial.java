package io.mailsweep.net.tls;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The run's trust anchors: the JDK's default trust store, plus the CA certificates of any
 * {@code --trust-ca} PEM bundles (labs, private PKIs). Every certificate of a bundle becomes an
 * anchor as it stands (RFC 5280 §6.1.1 (d)): a lab may pin a self-signed server certificate this
 * way. Immutable and safe to share between threads.
 */
public final class TrustMaterial {
  private final Map<X509Certificate, TrustAnchor> anchors;
  private final Set<TrustAnchor> anchorSet;
  private final String description;
  private final X509TrustManager trustManager;

  private TrustMaterial(List<X509Certificate> certificates, String description) {
    Map<X509Certificate, TrustAnchor> byCertificate = new LinkedHashMap<>();
    for (X509Certificate c : certificates) {
      byCertificate.putIfAbsent(c, new TrustAnchor(c, null));
    }
    this.anchors = Collections.unmodifiableMap(byCertificate);
    this.anchorSet = Set.copyOf(byCertificate.values());
    this.description = description;
    this.trustManager = validating(byCertificate.keySet());
  }

  /** The JDK's default trust store ({@code cacerts}, or what {@code javax.net.ssl.trustStore} names). */
  public static TrustMaterial jdkDefaults() {
    List<X509Certificate> jdk = JdkAnchors.CERTIFICATES;
    return new TrustMaterial(jdk, "JDK trust store (" + jdk.size() + " CAs)");
  }

  /** The JDK's anchors plus every certificate of {@code pemFiles}; any bad file fails the whole set. */
  public static TrustMaterial withExtra(List<Path> pemFiles) throws TrustMaterialException {
    List<X509Certificate> all = new ArrayList<>(JdkAnchors.CERTIFICATES);
    StringBuilder description = new StringBuilder("JDK trust store (" + all.size() + " CAs)");
    for (Path file : pemFiles) {
      List<X509Certificate> extra = PemCertificates.read(file);
      all.addAll(extra);
      description.append(" + ").append(file.getFileName()).append(" (").append(extra.size()).append(')');
    }
    return new TrustMaterial(all, description.toString());
  }

  /** Exactly {@code certificates} as anchors, without the JDK's: for tests and pinned labs. */
  public static TrustMaterial only(List<X509Certificate> certificates) {
    return new TrustMaterial(certificates, certificates.size() + " given anchors");
  }

  /** The anchors, one per distinct certificate; empty only for {@link #only} with no certificate. */
  public Set<TrustAnchor> anchors() {
    return anchorSet;
  }

  /** Whether {@code certificate} is itself one of the anchors. */
  public boolean isAnchor(X509Certificate certificate) {
    return anchors.containsKey(certificate);
  }

  /** Where the anchors come from, for the run's report: e.g. "JDK trust store (146 CAs) + lab.pem (2)". */
  public String describe() {
    return description;
  }

  /**
   * A validating trust manager over exactly these anchors: the JDK's PKIX validation, with its
   * algorithm constraints and without revocation checking (the JDK default). Host names are not
   * checked here; callers enable endpoint identification (HttpClient does by default).
   */
  public X509TrustManager trustManager() {
    return trustManager;
  }

  /** A TLS client context that trusts exactly these anchors. */
  public SSLContext clientContext() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustManager}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot build a TLS client context", e);
    }
  }

  private static X509TrustManager validating(Set<X509Certificate> certificates) {
    if (certificates.isEmpty()) {
      return new NoAnchors();
    }
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (X509Certificate c : certificates) {
        store.setCertificateEntry("anchor-" + i++, c);
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
      factory.init(store);
      return x509(factory);
    } catch (Exception e) {
      throw new IllegalStateException("the JDK cannot build a trust manager", e);
    }
  }

  private static X509TrustManager x509(TrustManagerFactory factory) {
    for (TrustManager tm : factory.getTrustManagers()) {
      if (tm instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new IllegalStateException("the JDK offers no X.509 trust manager");
  }

  /** The JDK's default anchors, read once per process. */
  private static final class JdkAnchors {
    static final List<X509Certificate> CERTIFICATES = load();

    private static List<X509Certificate> load() {
      try {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return List.of(x509(factory).getAcceptedIssuers());
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the JDK's default trust store cannot be read", e);
      }
    }
  }

  /** Trusts nothing: the PKIX trust manager cannot be built over an empty anchor set. */
  private static final class NoAnchors implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("no trust anchors configured");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("no trust anchors configured");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
