package io.mailsweep.check.e2ee;

import java.nio.charset.StandardCharsets;

/**
 * Whether a WKD response body starts like a binary transferable public key: a Public-Key packet
 * (tag 6) first, as RFC 4880 §11.1 (RFC 9580 §10.1) orders them, with either packet header format
 * of §4.2. Pure; the rest of the key is not parsed, so this is a sniff, not a validation.
 */
final class OpenPgpKeyData {
  /** RFC 4880 §5.5.1.1: the Public-Key packet. */
  static final int PUBLIC_KEY_TAG = 6;

  private static final byte[] ARMOR = "-----BEGIN PGP".getBytes(StandardCharsets.US_ASCII);

  private OpenPgpKeyData() {}

  /** Why {@code body} is not a binary OpenPGP public key, or null when it starts like one. */
  static String problem(byte[] body) {
    if (body.length == 0) {
      return "empty body";
    }
    int first = body[0] & 0xff;
    if (startsWith(body, ARMOR)) {
      return "an ASCII-armored block; clients expect the binary key";
    }
    if ((first & 0x80) == 0) {
      return first == '<' ? "HTML or XML, not an OpenPGP key"
          : String.format("not an OpenPGP packet (first octet 0x%02x)", first);
    }
    int tag = (first & 0x40) != 0 ? first & 0x3f : (first >> 2) & 0x0f;
    return tag == PUBLIC_KEY_TAG ? null : "an OpenPGP packet of tag " + tag + ", not a public key (tag 6)";
  }

  private static boolean startsWith(byte[] data, byte[] prefix) {
    if (data.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (data[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
