package io.mailsweep.check.dane;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Reads a TLSA record from its presentation form (RFC 6698 §2.2): three decimal octets, then the
 * association data as hex, possibly split by whitespace. Digest data of the wrong length for its
 * matching type (32 octets for SHA-256, 64 for SHA-512) makes the record malformed, so unusable
 * (RFC 6698 §2.1.3, RFC 7672 §2.2). Pure syntax.
 */
public final class TlsaParser {
  static final int SHA256_OCTETS = 32;
  static final int SHA512_OCTETS = 64;

  /** A record, or why the text is not one. */
  public sealed interface Parsed {
    record Valid(TlsaRecord record) implements Parsed {}

    record Malformed(String text, String problem) implements Parsed {}
  }

  private TlsaParser() {}

  public static Parsed parse(String text) {
    String[] parts = text.strip().split("\\s+");
    if (parts.length < 4) {
      return new Parsed.Malformed(text, "expected usage, selector, matching type and data");
    }
    int[] octets = new int[3];
    for (int i = 0; i < 3; i++) {
      octets[i] = octet(parts[i]);
      if (octets[i] < 0) {
        return new Parsed.Malformed(text, "'" + parts[i] + "' is not a number from 0 to 255");
      }
    }
    String hex = String.join("", Arrays.copyOfRange(parts, 3, parts.length));
    if (hex.length() % 2 != 0 || !hex.chars().allMatch(HexFormat::isHexDigit)) {
      return new Parsed.Malformed(text, "the association data is not hex octets");
    }
    int expected = octets[2] == TlsaRecord.MATCH_SHA256 ? SHA256_OCTETS
        : octets[2] == TlsaRecord.MATCH_SHA512 ? SHA512_OCTETS : -1;
    if (expected > 0 && hex.length() != 2 * expected) {
      return new Parsed.Malformed(text, "matching type " + octets[2] + " needs a " + expected
          + "-octet digest, the data has " + hex.length() / 2);
    }
    return new Parsed.Valid(new TlsaRecord(octets[0], octets[1], octets[2], hex));
  }

  private static int octet(String s) {
    if (s.isEmpty() || s.length() > 3 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    int v = Integer.parseInt(s);
    return v > 255 ? -1 : v;
  }
}
