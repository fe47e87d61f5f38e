package io.mailsweep.testing.tls;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority minted in a test, and the certificates it issues: valid, expired, for
 * the wrong name, with a weak key. {@link #selfSigned} mints a certificate no CA vouches for.
 */
public final class TestCa {
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  private final KeyPair keys;
  private final X509Certificate certificate;
  private final List<X509Certificate> chain;

  private TestCa(KeyPair keys, X509Certificate certificate, List<X509Certificate> parents) {
    this.keys = keys;
    this.certificate = certificate;
    List<X509Certificate> all = new ArrayList<>(List.of(certificate));
    all.addAll(parents);
    this.chain = List.copyOf(all);
  }

  /** A new root CA valid from yesterday for ten years. */
  public static TestCa create(String commonName) {
    KeyPair keys = ec();
    Instant now = Instant.now();
    X509Certificate cert = sign(new X500Name("CN=" + commonName), keys.getPublic(), new X500Name("CN=" + commonName),
        keys.getPrivate(), "SHA256withECDSA", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)),
        List.of(), true);
    return new TestCa(keys, cert, List.of());
  }

  /**
   * An intermediate CA issued by this one, valid from yesterday for five years. Its leaves'
   * chains run leaf, intermediate, ..., root.
   */
  public TestCa intermediate(String commonName) {
    KeyPair ikeys = ec();
    Instant now = Instant.now();
    X509Certificate cert = sign(new X500Name("CN=" + commonName), ikeys.getPublic(),
        new X500Name(certificate.getSubjectX500Principal().getName()), keys.getPrivate(), "SHA256withECDSA",
        now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1825)), List.of(), true);
    return new TestCa(ikeys, cert, chain);
  }

  public X509Certificate certificate() {
    return certificate;
  }

  /** This CA's certificate, then its issuers' up to the root (just the root for a root CA). */
  public List<X509Certificate> chain() {
    return chain;
  }

  /** The CA certificate in PEM, as {@code --trust-ca} reads it. */
  public String pem() {
    return pem(certificate);
  }

  /** A leaf for {@code names} (subjectAltName dNSNames; the first is also the CN), valid 90 days. */
  public HeldCertificate issue(String... names) {
    return leaf().names(names).issue();
  }

  /** A builder for leaves of this CA with other validity, key or signature. */
  public Leaf leaf() {
    return new Leaf(this);
  }

  /** A self-signed leaf for {@code names}, valid 90 days. */
  public static HeldCertificate selfSigned(String... names) {
    return new Leaf(null).names(names).issue();
  }

  /** What a leaf should look like; defaults: EC P-256, SHA256withECDSA, valid from yesterday for 90 days. */
  public static final class Leaf {
    private final TestCa ca;
    private List<String> names = List.of("localhost");
    private String commonName;
    private Instant notBefore = Instant.now().minus(Duration.ofDays(1));
    private Instant notAfter = Instant.now().plus(Duration.ofDays(90));
    private int rsaBits;
    private String signature;

    private Leaf(TestCa ca) {
      this.ca = ca;
    }

    /** The subjectAltName dNSNames; none leaves the extension out (a CN-only certificate). */
    public Leaf names(String... dnsNames) {
      this.names = List.of(dnsNames);
      return this;
    }

    /** The subject CN; by default the first of {@link #names}. */
    public Leaf commonName(String cn) {
      this.commonName = cn;
      return this;
    }

    public Leaf validity(Instant from, Instant until) {
      this.notBefore = from;
      this.notAfter = until;
      return this;
    }

    /** Expired yesterday. */
    public Leaf expired() {
      return validity(Instant.now().minus(Duration.ofDays(100)), Instant.now().minus(Duration.ofDays(1)));
    }

    /** Expires in {@code days} days. */
    public Leaf expiresIn(Duration left) {
      return validity(Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(left));
    }

    /** An RSA key of {@code bits} signed with SHA256withRSA (by the CA's key when there is one). */
    public Leaf rsa(int bits) {
      this.rsaBits = bits;
      return this;
    }

    /** The signature algorithm the issuer uses, e.g. {@code SHA1withECDSA}. */
    public Leaf signature(String algorithm) {
      this.signature = algorithm;
      return this;
    }

    public HeldCertificate issue() {
      KeyPair keys = rsaBits > 0 ? rsaKeys(rsaBits) : ec();
      String cn = commonName != null ? commonName : names.isEmpty() ? "no name" : names.get(0);
      X500Name subject = new X500Name("CN=" + cn);
      if (ca == null) {
        String alg = signature != null ? signature : rsaBits > 0 ? "SHA256withRSA" : "SHA256withECDSA";
        X509Certificate cert = sign(subject, keys.getPublic(), subject, keys.getPrivate(), alg, notBefore, notAfter,
            names, false);
        return new HeldCertificate(keys.getPrivate(), List.of(cert));
      }
      String alg = signature != null ? signature : "SHA256withECDSA";
      X509Certificate cert = sign(subject, keys.getPublic(), new X500Name(ca.certificate.getSubjectX500Principal()
          .getName()), ca.keys.getPrivate(), alg, notBefore, notAfter, names, false);
      List<X509Certificate> chain = new ArrayList<>(List.of(cert));
      chain.addAll(ca.chain);
      return new HeldCertificate(keys.getPrivate(), chain);
    }
  }

  static String pem(X509Certificate cert) {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(cert.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate sign(X500Name subject, PublicKey key, X500Name issuer, PrivateKey issuerKey,
      String algorithm, Instant from, Instant until, List<String> names, boolean isCa) {
    try {
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
          Date.from(from), Date.from(until), subject, key);
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
      if (isCa) {
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      } else {
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        b.addExtension(Extension.extendedKeyUsage, false,
            new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
        List<GeneralName> alt = new ArrayList<>();
        for (String n : names) {
          alt.add(new GeneralName(GeneralName.dNSName, n));
        }
        if (!alt.isEmpty()) {
          b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alt.toArray(GeneralName[]::new)));
        }
      }
      ContentSigner signer = new JcaContentSignerBuilder(algorithm).build(issuerKey);
      return new JcaX509CertificateConverter().getCertificate(b.build(signer));
    } catch (Exception e) {
      throw new IllegalStateException("cannot mint a test certificate", e);
    }
  }

  private static KeyPair ec() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair rsaKeys(int bits) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(bits);
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
