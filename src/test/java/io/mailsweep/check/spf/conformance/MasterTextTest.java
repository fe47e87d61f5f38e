package io.mailsweep.check.spf.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** Escaped text reads back, through dnsjava's master-file parser, as exactly the octets meant. */
class MasterTextTest {

  @Test
  void everyOctetSurvivesAQuotedString() throws Exception {
    byte[] all = new byte[256];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }
    List<byte[]> pieces = MasterText.pieces(all);
    List<String> quoted = new ArrayList<>();
    pieces.forEach(p -> quoted.add(MasterText.quoted(p)));
    assertThat(String.join(" ", quoted)).matches("\\p{ASCII}*").doesNotContain("\n", "\t");
    TXTRecord txt = (TXTRecord) parse(Type.TXT, String.join(" ", quoted));
    assertThat(txt.getStringsAsByteArrays()).hasSize(2);
    assertThat(concat(txt.getStringsAsByteArrays())).isEqualTo(all);
  }

  @Test
  void quotesAndBackslashesAreEscaped() {
    assertThat(MasterText.quoted(MasterText.octets("a\"b\\c;d(e)")))
        .isEqualTo("\"a\\\"b\\\\c;d(e)\"");
    assertThat(MasterText.quoted(new byte[0])).isEqualTo("\"\"");
    assertThat(MasterText.quoted(MasterText.octets("x\r\n\u0000")))
        .isEqualTo("\"x\\013\\010\\000\"");
  }

  @Test
  void theSuitesByteEscapesAreOctetsAndOtherCharactersUtf8() {
    assertThat(MasterText.octets("\u00ef\u00bb\u00bf")).containsExactly(0xef, 0xbb, 0xbf);
    assertThat(MasterText.octets("\u20ac")).containsExactly(0xe2, 0x82, 0xac);
  }

  @Test
  void splitsOnlyPastTwoHundredFiftyFiveOctets() {
    assertThat(MasterText.pieces(new byte[0])).hasSize(1);
    assertThat(MasterText.pieces(new byte[255])).hasSize(1);
    assertThat(MasterText.pieces(new byte[256])).extracting(p -> p.length).containsExactly(255, 1);
    assertThatThrownBy(() -> MasterText.quoted(new byte[256]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "macro%percent  space%20url-space.example.com",
        "foo:bar/baz.example.com",
        "_spf.example.com",
        "a.b(c)d;e@f$g\"h\\i.test.",
        "*.wild.test",
        "Mixed.Case.Test",
        "tab\tand\u00ffoctet.test"
      })
  void namesReadBackAsTheSameLabels(String text) throws Exception {
    Name parsed = Name.fromString(MasterText.absoluteName(text));
    assertThat(parsed.isAbsolute()).isTrue();
    assertThat(parsed.toWire()).isEqualTo(wire(text));
  }

  @Test
  void rootAndTrailingDots() {
    assertThat(MasterText.absoluteName("")).isEqualTo(".");
    assertThat(MasterText.absoluteName(".")).isEqualTo(".");
    assertThat(MasterText.absoluteName("e1.example.com.")).isEqualTo("e1.example.com.");
    assertThat(MasterText.absoluteName("e1.example.com")).isEqualTo("e1.example.com.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "A...example.com",
        ".leading.test",
        "a..b",
        "A123456789012345678901234567890123456789012345678901234567890123.example.com"
      })
  void namesNoDnsNameCanCarryAreRejected(String text) {
    assertThatThrownBy(() -> MasterText.absoluteName(text))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void namesOverTwoHundredFiftyFiveWireOctetsAreRejected() {
    String label = "a".repeat(63);
    String fits = label + "." + label + "." + label + "." + "a".repeat(61);
    assertThat(MasterText.absoluteName(fits)).endsWith(".");
    assertThatThrownBy(() -> MasterText.absoluteName(fits + "a"))
        .hasMessageContaining("256 octets");
  }

  private static Record parse(int type, String rdata) throws Exception {
    return Record.fromString(Name.fromString("t.test."), type, DClass.IN, 300, rdata, Name.root);
  }

  private static byte[] concat(List<byte[]> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    parts.forEach(out::writeBytes);
    return out.toByteArray();
  }

  private static byte[] wire(String text) {
    String t = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String label : t.split("\\.")) {
      byte[] octets = MasterText.octets(label);
      out.write(octets.length);
      out.writeBytes(octets);
    }
    out.write(0);
    return out.toByteArray();
  }
}
