package io.mailsweep.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pieces deflated apart concatenate into one stream, and their CRCs combine into the whole one's. */
class DeflatedPieceTest {

  @TempDir
  Path dir;

  private static long crc(byte[] data, int from, int to) {
    CRC32 crc = new CRC32();
    crc.update(data, from, to - from);
    return crc.getValue();
  }

  @Test
  void combinedCrcIsTheCrcOfTheWhole() {
    Random random = new Random(1952);
    for (int i = 0; i < 500; i++) {
      byte[] data = new byte[random.nextInt(5_000)];
      random.nextBytes(data);
      int split = data.length == 0 ? 0 : random.nextInt(data.length + 1);
      long combined = DeflatedPiece.combine(crc(data, 0, split), crc(data, split, data.length), data.length - split);
      assertThat(combined).as("split %d of %d", split, data.length).isEqualTo(crc(data, 0, data.length));
    }
    assertThat(DeflatedPiece.combine(0, 0, 0)).isZero();
  }

  @Test
  void piecesInMemoryAndOnDiskConcatenateIntoOneStream() throws IOException {
    Random random = new Random(6376);
    byte[] whole = new byte[400_000];
    for (int i = 0; i < whole.length; i++) { // compressible, like XML, but not trivially
      whole[i] = (byte) ("<row r=\"".charAt(i % 8) + (random.nextInt(10) == 0 ? random.nextInt(26) : 0));
    }
    List<DeflatedPiece> pieces = new ArrayList<>();
    pieces.add(DeflatedPiece.of(Arrays.copyOfRange(whole, 0, 1_000), false));
    pieces.add(DeflatedPiece.of(new byte[0], false));
    try (DeflatedPiece.Writer writer = new DeflatedPiece.Writer(dir.resolve("rows"))) {
      int at = 1_000;
      while (at < 390_000) { // through the writer's buffer in uneven bites, past its size
        int n = Math.min(1 + random.nextInt(9_000), 390_000 - at);
        byte[] room = writer.room(n);
        System.arraycopy(whole, at, room, writer.used(), n);
        writer.advance(n);
        at += n;
      }
      pieces.add(writer.finish());
    }
    pieces.add(DeflatedPiece.of(Arrays.copyOfRange(whole, 390_000, whole.length), true));

    DeflatedPiece all = DeflatedPiece.concat(pieces);
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (InputStream in = DeflatedPiece.open(pieces)) {
      in.transferTo(compressed);
    }
    assertThat(all.compressedSize()).isEqualTo(compressed.size()).isLessThan(whole.length / 2);
    assertThat(all.size()).isEqualTo(whole.length);
    assertThat(all.crc()).isEqualTo(crc(whole, 0, whole.length));
    Inflater inflater = new Inflater(true);
    try (InputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(compressed.toByteArray()), inflater)) {
      assertThat(in.readAllBytes()).isEqualTo(whole);
      assertThat(inflater.finished()).as("the last piece ends the stream").isTrue();
    } finally {
      inflater.end();
    }
  }
}
