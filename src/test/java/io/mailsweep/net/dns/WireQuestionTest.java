package io.mailsweep.net.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** Reading the question of a datagram nobody vouches for. */
class WireQuestionTest {
  private static byte[] query(String name, int type) throws Exception {
    return Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)).toWire();
  }

  @Test
  void readsTheQuestionAndIgnoresTheCaseOfTheName() throws Exception {
    byte[] wire = query("Www.Example.TEST.", Type.MX);
    WireQuestion q = WireQuestion.of(wire, wire.length);
    assertThat(q.type()).isEqualTo(Type.MX);
    assertThat(q.dclass()).isEqualTo(DClass.IN);
    byte[] lower = query("www.example.test.", Type.MX);
    assertThat(q.sameAs(WireQuestion.of(lower, lower.length))).isTrue();
    byte[] other = query("www.example.test.", Type.TXT);
    assertThat(q.sameAs(WireQuestion.of(other, other.length))).isFalse();
    assertThat(WireQuestion.id(wire, wire.length)).isEqualTo(((wire[0] & 0xff) << 8) | (wire[1] & 0xff));
  }

  @Test
  void everyCutOfAQuestionIsNullNotAnException() throws Exception {
    byte[] wire = query("a.b.test.", Type.A);
    for (int length = 0; length < wire.length; length++) {
      assertThat(WireQuestion.of(Arrays.copyOf(wire, length), length)).as("first %d bytes", length).isNull();
    }
    assertThat(WireQuestion.id(wire, 11)).isEqualTo(-1);
  }

  @Test
  void randomBytesNeverThrow() {
    Random random = new Random(7);
    for (int i = 0; i < 100_000; i++) {
      byte[] b = new byte[random.nextInt(40)];
      random.nextBytes(b);
      if (b.length > 5) {
        b[4] = 0;
        b[5] = 1;
      }
      WireQuestion.of(b, b.length);
      WireQuestion.of(b, b.length + 10);
    }
  }

  @Test
  void compressionPointersAndTwoQuestionsAreRefused() throws Exception {
    byte[] wire = query("a.test.", Type.A);
    byte[] pointer = wire.clone();
    pointer[12] = (byte) 0xc0;
    pointer[13] = 12;
    assertThat(WireQuestion.of(pointer, pointer.length)).isNull();
    byte[] two = wire.clone();
    two[5] = 2;
    assertThat(WireQuestion.of(two, two.length)).isNull();
  }
}
