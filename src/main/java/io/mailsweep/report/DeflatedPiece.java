package io.mailsweep.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A piece of a zip entry's deflate stream, compressed apart from the others: every piece but the
 * last ends with a sync flush (an empty stored block that ends on a byte boundary) instead of a
 * final block, so pieces compressed one after another can be concatenated into one valid stream,
 * as pigz does. Each piece keeps the CRC-32 and length of its own bytes; {@link #concat} gives the
 * entry's from them ({@link #combine}) without reading the data again.
 *
 * <p>The workbook's large sheets are written this way: their rows are deflated once, into a
 * temporary file, and that file is copied into the package as it is between a head and a tail made
 * at the end ({@link PackageFinisher}).
 *
 * @param file the compressed bytes, or null when they are in {@code bytes}
 * @param bytes the compressed bytes when small enough to keep in memory, else null
 * @param crc CRC-32 of the uncompressed bytes
 * @param size length of the uncompressed bytes
 * @param compressedSize length of the compressed bytes
 */
record DeflatedPiece(Path file, byte[] bytes, long crc, long size, long compressedSize) {

  private static final int POLY = 0xEDB88320;

  /** {@code x^(2^k) mod P} for k = 0..31, in the reflected bit order of CRC-32. */
  private static final int[] X_POWERS = new int[32];

  static {
    int p = 1 << 30; // x^1
    X_POWERS[0] = p;
    for (int k = 1; k < 32; k++) {
      p = multiply(p, p);
      X_POWERS[k] = p;
    }
  }

  /** {@code data} deflated as one piece; {@code last}: ends the stream with a final block. */
  static DeflatedPiece of(byte[] data, boolean last) {
    Deflater deflater = new Deflater(FastDeflateWorkbook.LEVEL, true);
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
      byte[] buffer = new byte[8192];
      deflater.setInput(data);
      if (last) {
        deflater.finish();
        while (!deflater.finished()) {
          out.write(buffer, 0, deflater.deflate(buffer));
        }
      } else {
        int n;
        do {
          n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
          out.write(buffer, 0, n);
        } while (n == buffer.length);
      }
      CRC32 crc = new CRC32();
      crc.update(data);
      byte[] compressed = out.toByteArray();
      return new DeflatedPiece(null, compressed, crc.getValue(), data.length, compressed.length);
    } finally {
      deflater.end();
    }
  }

  /** The compressed bytes. */
  InputStream open() throws IOException {
    return file == null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
  }

  /** The CRC-32, uncompressed and compressed lengths of {@code pieces} one after the other. */
  static DeflatedPiece concat(List<DeflatedPiece> pieces) {
    long crc = 0;
    long size = 0;
    long compressed = 0;
    for (DeflatedPiece piece : pieces) {
      crc = combine(crc, piece.crc(), piece.size());
      size += piece.size();
      compressed += piece.compressedSize();
    }
    return new DeflatedPiece(null, null, crc, size, compressed);
  }

  /** The compressed bytes of {@code pieces} one after the other. */
  static InputStream open(List<DeflatedPiece> pieces) {
    return new SequenceInputStream(Collections.enumeration(pieces.stream().map(piece -> (InputStream) new LazyStream(piece)).toList()));
  }

  /**
   * The CRC-32 of A followed by B, from the CRC-32 of A, the CRC-32 of B and the length of B: A's
   * CRC multiplied by x^(8 * lengthB) modulo the CRC polynomial, added to B's (arithmetic over
   * GF(2), as zlib's crc32_combine does).
   */
  static long combine(long crcA, long crcB, long lengthB) {
    if (lengthB == 0) {
      return crcA;
    }
    int shifted = multiply(xPower(lengthB, 3), (int) crcA);
    return (shifted ^ (int) crcB) & 0xFFFFFFFFL;
  }

  /** {@code a * b mod P}, both polynomials in reflected bit order (bit 31 is x^0). */
  private static int multiply(int a, int b) {
    int m = 1 << 31;
    int product = 0;
    while (m != 0) {
      if ((a & m) != 0) {
        product ^= b;
      }
      m >>>= 1;
      b = (b & 1) != 0 ? (b >>> 1) ^ POLY : b >>> 1;
    }
    return product;
  }

  /** {@code x^(n * 2^k) mod P}. */
  private static int xPower(long n, int k) {
    int p = 1 << 31; // x^0
    while (n != 0) {
      if ((n & 1) != 0) {
        p = multiply(X_POWERS[k & 31], p);
      }
      n >>>= 1;
      k++;
    }
    return p;
  }

  /** Opens its piece on first read, so that a sequence of file pieces holds one file open at a time. */
  private static final class LazyStream extends InputStream {
    private final DeflatedPiece piece;
    private InputStream in;

    LazyStream(DeflatedPiece piece) {
      this.piece = piece;
    }

    private InputStream in() throws IOException {
      if (in == null) {
        in = piece.open();
      }
      return in;
    }

    @Override
    public int read() throws IOException {
      return in().read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return in().read(b, off, len);
    }

    @Override
    public void close() throws IOException {
      if (in != null) {
        in.close();
      }
    }
  }

  /**
   * Writes a piece into a file as its bytes come: {@link #finish} flushes it (not final) and
   * returns it. Bytes are buffered and deflated a buffer at a time.
   */
  static final class Writer implements AutoCloseable {
    private static final int BUFFER = 64 << 10;

    private final Path file;
    private final OutputStream out;
    private final Deflater deflater = new Deflater(FastDeflateWorkbook.LEVEL, true);
    private final CRC32 crc = new CRC32();
    private final byte[] buffer = new byte[BUFFER];
    private final byte[] deflated = new byte[BUFFER];
    private int used;
    private long size;
    private long compressedSize;
    private boolean done;

    Writer(Path file) throws IOException {
      this.file = file;
      this.out = Files.newOutputStream(file);
    }

    /** Room for at least {@code n} more bytes at {@link #buffer()}[{@link #used()}...]. */
    byte[] room(int n) throws IOException {
      if (BUFFER - used < n) {
        drain();
        if (BUFFER < n) {
          throw new IllegalArgumentException("at most " + BUFFER + " bytes at once, asked " + n);
        }
      }
      return buffer;
    }

    int used() {
      return used;
    }

    /** Marks {@code n} bytes after {@link #used()} as written. */
    void advance(int n) {
      used += n;
    }

    /** Deflates the buffered bytes. */
    private void drain() throws IOException {
      if (used == 0) {
        return;
      }
      crc.update(buffer, 0, used);
      size += used;
      deflater.setInput(buffer, 0, used);
      while (!deflater.needsInput()) {
        write(deflater.deflate(deflated, 0, deflated.length, Deflater.NO_FLUSH));
      }
      used = 0;
    }

    private void write(int n) throws IOException {
      out.write(deflated, 0, n);
      compressedSize += n;
    }

    /** Deflates what is left, ends the piece with a sync flush and closes the file. */
    DeflatedPiece finish() throws IOException {
      drain();
      int n;
      do {
        n = deflater.deflate(deflated, 0, deflated.length, Deflater.SYNC_FLUSH);
        write(n);
      } while (n == deflated.length);
      close();
      return new DeflatedPiece(file, null, crc.getValue(), size, compressedSize);
    }

    /** Releases the deflater's native memory and closes the file; the piece is unusable unless finished. */
    @Override
    public void close() throws IOException {
      if (!done) {
        done = true;
        try {
          out.close();
        } finally {
          deflater.end();
        }
      }
    }
  }
}
