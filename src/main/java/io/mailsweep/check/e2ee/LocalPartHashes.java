package io.mailsweep.check.e2ee;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * The hashed forms of an address's local part under which its keys are published. Pure.
 *
 * <ul>
 *   <li>WKD (draft-koch-openpgp-webkey-service §3.1): upper-case ASCII letters mapped to lower
 *       case (non-ASCII unchanged), SHA-1, z-base-32 (RFC 6189 §5.1.6): 32 characters.
 *   <li>OPENPGPKEY and SMIMEA (RFC 7929 §3, RFC 8162 §3): the local part as UTF-8, NFC-normalised
 *       when not ASCII (RFC 7929 §3 rule 3), SHA2-256 truncated to 28 octets, lower-case hex.
 * </ul>
 */
public final class LocalPartHashes {
  /** RFC 6189 §5.1.6: the human-oriented base-32 alphabet. */
  static final String Z_BASE_32 = "ybndrfg8ejkmcpqxot1uwisza345h769";

  /** RFC 7929 §3: octets of the SHA2-256 digest kept in the owner name. */
  static final int DANE_OCTETS = 28;

  private LocalPartHashes() {}

  /** The {@code hu/} file name of WKD, e.g. {@code iy9q119eutrkn8s1mk4r39qejnbu3n5q} for {@code Joe.Doe}. */
  public static String wkd(String localPart) {
    return zBase32(digest("SHA-1", asciiLowerCase(localPart).getBytes(StandardCharsets.UTF_8)));
  }

  /** The first label of the OPENPGPKEY and SMIMEA owner names, 56 hex digits. */
  public static String dane(String localPart) {
    String normalised = Normalizer.normalize(localPart, Normalizer.Form.NFC);
    byte[] digest = digest("SHA-256", normalised.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, DANE_OCTETS);
  }

  /** RFC 6189 §5.1.6 encoding, most significant bit first; a last partial group is padded with zero bits. */
  static String zBase32(byte[] data) {
    StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(Z_BASE_32.charAt((buffer >> (bits - 5)) & 0x1f));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(Z_BASE_32.charAt((buffer << (5 - bits)) & 0x1f));
    }
    return out.toString();
  }

  /** Only A-Z change: the draft leaves non-ASCII characters as they are. */
  static String asciiLowerCase(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return out.toString();
  }

  private static byte[] digest(String algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is required of every Java platform", e);
    }
  }
}
