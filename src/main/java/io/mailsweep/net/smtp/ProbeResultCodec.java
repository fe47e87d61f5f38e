package io.mailsweep.net.smtp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link SmtpProbeResult} as bytes, so that one process's probe can be stored and read by the
 * run's others: a format version byte, then the fields in declaration order (strings in modified
 * UTF-8 after a null marker, so at most 64 KiB each; certificates as DER). Reading trusts nothing it
 * reads: every length and count is checked against the limits below before anything is allocated,
 * enum names must be this build's, and the bytes must end where the result does.
 */
public final class ProbeResultCodec {
  /** The format written; bump it when the record's fields change. */
  static final int VERSION = 1;
  /** A DER certificate; real ones are 1–8 KiB, a few with long name lists reach 30 KiB. */
  static final int MAX_CERTIFICATE_BYTES = 64 * 1024;
  /** Certificates in a chain; servers send 2–4. */
  static final int MAX_CERTIFICATES = 32;
  /** Entries of the protocol and weak-suite lists (a handful of TLS versions, 3 accepted suites). */
  static final int MAX_LIST_ENTRIES = 64;

  private ProbeResultCodec() {}

  /**
   * @throws IllegalArgumentException when the result exceeds a limit that reading enforces (a
   *     string over 64 KiB in modified UTF-8 among them), or its target is unresolved
   */
  public static byte[] encode(SmtpProbeResult r) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      writeTarget(out, r.target());
      out.writeUTF(r.outcome().name());
      writeText(out, r.banner());
      out.writeBoolean(r.starttlsAdvertised());
      writeText(out, r.protocol());
      writeText(out, r.cipherSuite());
      writeChain(out, r.chain());
      out.writeShort(count(r.protocols().size(), MAX_LIST_ENTRIES, "protocol results"));
      for (ProtocolSupport p : r.protocols()) {
        writeText(out, p.protocol());
        out.writeUTF(p.support().name());
        writeText(out, p.note());
      }
      out.writeShort(count(r.weakCiphersAccepted().size(), MAX_LIST_ENTRIES, "weak cipher suites"));
      for (String suite : r.weakCiphersAccepted()) {
        writeText(out, suite);
      }
      writeText(out, r.weakCiphersNote());
      writeText(out, r.detail());
      out.writeLong(r.millis());
    } catch (IOException e) {
      // Writing to memory fails only for a string over writeUTF's 65,535 bytes.
      throw new IllegalArgumentException("probe result of " + r.target() + " not encodable: " + e.getMessage(), e);
    }
    return bytes.toByteArray();
  }

  public static SmtpProbeResult decode(byte[] encoded) throws ProbeResultFormatException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded));
    try {
      int version = in.readUnsignedByte();
      if (version != VERSION) {
        throw new ProbeResultFormatException("probe result in format " + version + "; this build reads " + VERSION);
      }
      SmtpProbeResult r = new SmtpProbeResult(readTarget(in), name(SmtpOutcome.class, in.readUTF()), readText(in),
          in.readBoolean(), readText(in), readText(in), readChain(in), readProtocols(in), readSuites(in),
          readText(in), readText(in), in.readLong());
      if (in.available() > 0) {
        throw new ProbeResultFormatException(in.available() + " bytes after the probe result");
      }
      return r;
    } catch (IOException e) {
      throw new ProbeResultFormatException("probe result of " + encoded.length + " bytes truncated or corrupted: " + e,
          e);
    }
  }

  private static void writeTarget(DataOutputStream out, InetSocketAddress target) throws IOException {
    if (target.getAddress() == null) {
      throw new IllegalArgumentException("unresolved probe target " + target);
    }
    byte[] address = target.getAddress().getAddress();
    out.writeByte(address.length);
    out.write(address);
    out.writeShort(target.getPort());
  }

  private static InetSocketAddress readTarget(DataInputStream in) throws IOException, ProbeResultFormatException {
    int length = in.readUnsignedByte();
    if (length != 4 && length != 16) {
      throw new ProbeResultFormatException("probe target of " + length + " address bytes");
    }
    byte[] address = new byte[length];
    in.readFully(address);
    return new InetSocketAddress(InetAddress.getByAddress(address), in.readUnsignedShort());
  }

  private static void writeChain(DataOutputStream out, List<X509Certificate> chain) throws IOException {
    out.writeShort(count(chain.size(), MAX_CERTIFICATES, "certificates"));
    for (X509Certificate c : chain) {
      byte[] der = der(c);
      out.writeInt(count(der.length, MAX_CERTIFICATE_BYTES, "certificate bytes"));
      out.write(der);
    }
  }

  private static List<X509Certificate> readChain(DataInputStream in) throws IOException, ProbeResultFormatException {
    int n = checked(in.readUnsignedShort(), MAX_CERTIFICATES, "certificates");
    List<X509Certificate> chain = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      byte[] der = new byte[checked(in.readInt(), MAX_CERTIFICATE_BYTES, "certificate bytes")];
      in.readFully(der);
      try {
        chain.add((X509Certificate) CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(der)));
      } catch (CertificateException | RuntimeException e) {
        throw new ProbeResultFormatException("certificate " + (i + 1) + " of the probe result unreadable: "
            + e.getMessage(), e);
      }
    }
    return chain;
  }

  private static List<ProtocolSupport> readProtocols(DataInputStream in)
      throws IOException, ProbeResultFormatException {
    int n = checked(in.readUnsignedShort(), MAX_LIST_ENTRIES, "protocol results");
    List<ProtocolSupport> protocols = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      protocols.add(new ProtocolSupport(readText(in), name(ProtocolSupport.Support.class, in.readUTF()),
          readText(in)));
    }
    return protocols;
  }

  private static List<String> readSuites(DataInputStream in) throws IOException, ProbeResultFormatException {
    int n = checked(in.readUnsignedShort(), MAX_LIST_ENTRIES, "weak cipher suites");
    List<String> suites = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      suites.add(readText(in));
    }
    return suites;
  }

  private static void writeText(DataOutputStream out, String text) throws IOException {
    out.writeBoolean(text != null);
    if (text != null) {
      out.writeUTF(text);
    }
  }

  private static String readText(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  private static <E extends Enum<E>> E name(Class<E> type, String name) throws ProbeResultFormatException {
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw new ProbeResultFormatException("unknown " + type.getSimpleName() + " " + name + " in the probe result");
    }
  }

  private static int count(int n, int max, String what) {
    if (n > max) {
      throw new IllegalArgumentException(n + " " + what + " in a probe result, over the limit of " + max);
    }
    return n;
  }

  private static int checked(int n, int max, String what) throws ProbeResultFormatException {
    if (n < 0 || n > max) {
      throw new ProbeResultFormatException(n + " " + what + " in the probe result, over the limit of " + max);
    }
    return n;
  }

  private static byte[] der(X509Certificate c) {
    try {
      return c.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("certificate " + c.getSubjectX500Principal() + " has no DER form", e);
    }
  }
}
