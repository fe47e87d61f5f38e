package io.mailsweep.check.spf.conformance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Names and character-strings in RFC 1035 §5.1 master-file form, escaped byte by byte. */
final class MasterText {
  /** RFC 1035 §3.3: a character-string is a length octet and at most 255 octets. */
  static final int MAX_STRING = 255;

  static final int MAX_LABEL = 63;

  /** RFC 1035 §3.1: a name on the wire is at most 255 octets, length octets and root included. */
  static final int MAX_WIRE_NAME = 255;

  /** Printable octets that mean something to a master-file reader outside a quoted string. */
  private static final String NAME_SPECIALS = ".\\\"();@$ ";

  private MasterText() {}

  /**
   * The octets the suite means by {@code text}: characters up to U+00FF are one octet each, since
   * the suite's {@code \xNN} escapes (e.g. a UTF-8 byte-order mark written as {@code \xEF\xBB\xBF})
   * stand for octets; any character above is encoded as UTF-8.
   */
  static byte[] octets(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    text.codePoints()
        .forEach(
            cp -> {
              if (cp <= 0xff) {
                out.write(cp);
              } else {
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
              }
            });
    return out.toByteArray();
  }

  /**
   * The character-strings that carry {@code text}: one, or pieces of 255 octets when it is longer.
   * RFC 7208 §3.3 joins the strings of a record without separator, so the SPF text is unchanged.
   */
  static List<byte[]> pieces(byte[] text) {
    List<byte[]> out = new ArrayList<>();
    for (int start = 0; start < text.length || start == 0; start += MAX_STRING) {
      out.add(Arrays.copyOfRange(text, start, Math.min(text.length, start + MAX_STRING)));
    }
    return out;
  }

  /** A quoted character-string: {@code "} and {@code \} escaped, unprintable octets as \DDD. */
  static String quoted(byte[] octets) {
    if (octets.length > MAX_STRING) {
      throw new IllegalArgumentException("character-string of " + octets.length + " octets");
    }
    StringBuilder s = new StringBuilder("\"");
    for (byte b : octets) {
      int c = b & 0xff;
      if (c == '"' || c == '\\') {
        s.append('\\').append((char) c);
      } else if (c >= 0x20 && c < 0x7f) {
        s.append((char) c);
      } else {
        decimal(s, c);
      }
    }
    return s.append('"').toString();
  }

  /**
   * {@code text} as an absolute name: a trailing dot is optional, the empty text and "." are the
   * root, and any octet a master-file reader would take as syntax is escaped.
   *
   * @throws IllegalArgumentException with the reason when no DNS name has these labels
   */
  static String absoluteName(String text) {
    String t = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    if (t.isEmpty()) {
      return ".";
    }
    StringBuilder s = new StringBuilder();
    int wire = 1;
    for (String label : t.split("\\.", -1)) {
      byte[] octets = octets(label);
      if (octets.length == 0) {
        throw new IllegalArgumentException("empty label in '" + text + "'");
      }
      if (octets.length > MAX_LABEL) {
        throw new IllegalArgumentException(
            "label of " + octets.length + " octets in '" + text + "'");
      }
      wire += octets.length + 1;
      for (byte b : octets) {
        int c = b & 0xff;
        if (c > 0x20 && c < 0x7f && NAME_SPECIALS.indexOf(c) < 0) {
          s.append((char) c);
        } else {
          decimal(s, c);
        }
      }
      s.append('.');
    }
    if (wire > MAX_WIRE_NAME) {
      throw new IllegalArgumentException("name of " + wire + " octets on the wire: '" + text + "'");
    }
    return s.toString();
  }

  private static void decimal(StringBuilder s, int octet) {
    s.append('\\').append(String.format("%03d", octet));
  }
}
