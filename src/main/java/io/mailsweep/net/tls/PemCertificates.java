package io.mailsweep.net.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a bundle of PEM certificates (RFC 7468 §5), as {@code --trust-ca} takes it: one or more
 * {@code CERTIFICATE} blocks; text between blocks (comments such as {@code # Issuer:}) and other
 * block types are ignored, but a certificate block that does not decode fails the whole file, so a
 * damaged bundle is never half-trusted.
 */
public final class PemCertificates {
  /**
   * Largest bundle read. 1 MiB holds about 500 typical CA certificates (the whole Mozilla root set
   * is about 220 KiB in PEM); anything larger is not a CA bundle.
   */
  public static final int MAX_BYTES = 1024 * 1024;

  private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
  private static final Pattern BLOCK = Pattern.compile(
      Pattern.quote(BEGIN) + "(.*?)" + Pattern.quote("-----END CERTIFICATE-----"), Pattern.DOTALL);

  private PemCertificates() {}

  /** The certificates of {@code file}, in file order; at least one. */
  public static List<X509Certificate> read(Path file) throws TrustMaterialException {
    return parse(file, load(file));
  }

  static List<X509Certificate> parse(Path file, String text) throws TrustMaterialException {
    if (text.isBlank()) {
      throw new TrustMaterialException(file, "file is empty");
    }
    List<X509Certificate> certificates = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      certificates.add(decode(file, certificates.size() + 1, m.group(1)));
    }
    int begins = count(text, BEGIN);
    if (begins > certificates.size()) {
      throw new TrustMaterialException(file, "certificate " + (certificates.size() + 1)
          + " has no \"-----END CERTIFICATE-----\" line");
    }
    if (certificates.isEmpty()) {
      throw new TrustMaterialException(file, "no PEM certificate (\"" + BEGIN + "\") found"
          + (looksLikeDer(text) ? "; the file looks like binary DER: convert it with"
              + " 'openssl x509 -inform der -in FILE -out FILE.pem'" : ""));
    }
    return List.copyOf(certificates);
  }

  private static String load(Path file) throws TrustMaterialException {
    try {
      if (!Files.isRegularFile(file)) {
        throw new TrustMaterialException(file, Files.exists(file) ? "not a regular file" : "file not found");
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new TrustMaterialException(file, "larger than " + MAX_BYTES + " bytes; not a CA bundle");
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes(MAX_BYTES + 1);
      }
      if (bytes.length > MAX_BYTES) {
        throw new TrustMaterialException(file, "larger than " + MAX_BYTES + " bytes; not a CA bundle");
      }
      return new String(bytes, StandardCharsets.ISO_8859_1);
    } catch (NoSuchFileException e) {
      throw new TrustMaterialException(file, "file not found", e);
    } catch (AccessDeniedException e) {
      throw new TrustMaterialException(file, "permission denied", e);
    } catch (IOException e) {
      throw new TrustMaterialException(file, "cannot read: " + e.getMessage(), e);
    }
  }

  private static X509Certificate decode(Path file, int index, String body) throws TrustMaterialException {
    byte[] der;
    try {
      der = Base64.getDecoder().decode(body.replaceAll("\\s+", ""));
    } catch (IllegalArgumentException e) {
      throw new TrustMaterialException(file, "certificate " + index + " is not valid base64", e);
    }
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException | ClassCastException e) {
      throw new TrustMaterialException(file, "certificate " + index + " is not a valid X.509 certificate", e);
    }
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }

  /** A DER SEQUENCE with a two-octet length, as every certificate file of 256 bytes or more starts. */
  private static boolean looksLikeDer(String text) {
    return text.length() > 2 && text.charAt(0) == 0x30 && text.charAt(1) == 0x82;
  }
}
