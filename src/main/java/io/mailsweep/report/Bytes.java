package io.mailsweep.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Byte-level helpers for rewriting package parts as streams. */
final class Bytes {

  private Bytes() {}

  /**
   * Copies {@code in} to {@code out} up to and including the first occurrence of {@code marker}
   * (whose first byte occurs nowhere else in it); returns the bytes read past it.
   */
  static byte[] copyThrough(InputStream in, OutputStream out, byte[] marker) throws IOException {
    byte[] buffer = new byte[1 << 16];
    int matched = 0;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      for (int i = 0; i < n; i++) {
        matched = buffer[i] == marker[matched] ? matched + 1 : (buffer[i] == marker[0] ? 1 : 0);
        if (matched == marker.length) {
          out.write(buffer, 0, i + 1);
          return Arrays.copyOfRange(buffer, i + 1, n);
        }
      }
      out.write(buffer, 0, n);
    }
    throw new IOException("worksheet without " + new String(marker, StandardCharsets.US_ASCII));
  }

  /** The first index at or after {@code from} where {@code pattern} occurs in {@code data}, or -1. */
  static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The rest of {@code in}, which must be at most {@code max} bytes. */
  static byte[] readAtMost(InputStream in, int max) throws IOException {
    byte[] bytes = in.readNBytes(max + 1);
    if (bytes.length > max) {
      throw new IOException("package part larger than " + max + " bytes after its data");
    }
    return bytes;
  }
}
