package io.mailsweep.net.dns;

import java.util.Arrays;

/**
 * The single question of a DNS message in wire form (RFC 1035 §4.1.2), read from untrusted bytes:
 * every read is bounds-checked and anything unexpected gives null, never an exception. The name is
 * kept lower-cased (ASCII only, RFC 4343 §3) so that a reply with the query's name in another case
 * still matches.
 */
record WireQuestion(byte[] name, int type, int dclass) {
  private static final int HEADER = 12;
  private static final int MAX_NAME = 255;

  /**
   * The question of {@code message}'s first {@code length} bytes, or null when there is not exactly
   * one, or it is malformed or compressed (a question's name starts the message; a pointer there
   * points into the header).
   */
  static WireQuestion of(byte[] message, int length) {
    int end = Math.min(length, message.length);
    if (end < HEADER || u16(message, 4) != 1) {
      return null;
    }
    int pos = HEADER;
    while (true) {
      if (pos >= end) {
        return null;
      }
      int label = message[pos] & 0xff;
      if ((label & 0xc0) != 0 || pos + 1 + label - HEADER > MAX_NAME) {
        return null;
      }
      pos += 1 + label;
      if (label == 0) {
        break;
      }
    }
    if (pos + 4 > end) {
      return null;
    }
    byte[] name = Arrays.copyOfRange(message, HEADER, pos);
    for (int i = 0; i < name.length; i++) {
      if (name[i] >= 'A' && name[i] <= 'Z') {
        name[i] += 'a' - 'A';
      }
    }
    return new WireQuestion(name, u16(message, pos), u16(message, pos + 2));
  }

  /** The message id (RFC 1035 §4.1.1), or -1 when there is no full header. */
  static int id(byte[] message, int length) {
    return Math.min(length, message.length) < HEADER ? -1 : u16(message, 0);
  }

  /** Whether the QR bit marks {@code message} as a response. */
  static boolean isResponse(byte[] message) {
    return (message[2] & 0x80) != 0;
  }

  boolean sameAs(WireQuestion other) {
    return other != null && type == other.type && dclass == other.dclass && Arrays.equals(name, other.name);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WireQuestion q && sameAs(q);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(name) + type) + dclass;
  }

  @Override
  public String toString() {
    return "WireQuestion[" + name.length + " name octets, type " + type + ", class " + dclass + "]";
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
  }
}
