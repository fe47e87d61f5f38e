package io.mailsweep.net.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.primitives.Bytes;
import io.mailsweep.net.smtp.ProtocolSupport.Support;
import io.mailsweep.testing.tls.HeldCertificate;
import io.mailsweep.testing.tls.TestCa;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Probe results through bytes and back, and bytes that must not read as a result. */
class ProbeResultCodecTest {
  private static final HeldCertificate LEAF = TestCa.create("Lab Root").intermediate("Lab Intermediate")
      .issue("mx1.lab.test", "mx2.lab.test");

  private static SmtpProbeResult tls(InetSocketAddress target) {
    return new SmtpProbeResult(target, SmtpOutcome.TLS, "220 mx1.lab.test ESMTP ready ✓", true, "TLSv1.3",
        "TLS_AES_128_GCM_SHA256", LEAF.chain(),
        List.of(new ProtocolSupport("TLSv1.3", Support.ACCEPTED, null),
            new ProtocolSupport("TLSv1.2", Support.REFUSED, "handshake_failure"),
            new ProtocolSupport("TLSv1.1", Support.UNTESTABLE, "disabled in this JDK"),
            new ProtocolSupport("TLSv1", Support.NOT_TESTED, null)),
        List.of("TLS_RSA_WITH_3DES_EDE_CBC_SHA"), "RC4 not offered by this JDK", "TLSv1.3 negotiated", 1234L);
  }

  private static SmtpProbeResult plain(SmtpOutcome outcome) {
    return new SmtpProbeResult(new InetSocketAddress("127.0.25.25", 25), outcome, null, false, null, null, List.of(),
        List.of(), List.of(), null, null, -1L);
  }

  @Test
  void aTlsResultWithItsChainComesBackEqualOnIpv4AndIpv6() throws Exception {
    for (InetSocketAddress target : List.of(new InetSocketAddress("127.0.25.25", 25),
        new InetSocketAddress("::1", 65535))) {
      SmtpProbeResult original = tls(target);
      SmtpProbeResult back = ProbeResultCodec.decode(ProbeResultCodec.encode(original));

      assertThat(back).isEqualTo(original);
      assertThat(back.chain()).hasSize(3);
      for (int i = 0; i < 3; i++) {
        assertThat(back.chain().get(i).getEncoded()).isEqualTo(original.chain().get(i).getEncoded());
      }
    }
  }

  @Test
  void everyOutcomeComesBackWithItsNullsAndEmptyLists() throws Exception {
    for (SmtpOutcome outcome : SmtpOutcome.values()) {
      SmtpProbeResult back = ProbeResultCodec.decode(ProbeResultCodec.encode(plain(outcome)));
      assertThat(back).isEqualTo(plain(outcome));
      assertThat(back.banner()).isNull();
      assertThat(back.detail()).isNull();
    }
  }

  @Test
  void everyTruncationIsRefused() {
    byte[] whole = ProbeResultCodec.encode(tls(new InetSocketAddress("127.0.25.25", 25)));
    for (int length = 0; length < whole.length; length++) {
      byte[] cut = Arrays.copyOf(whole, length);
      assertThatThrownBy(() -> ProbeResultCodec.decode(cut)).as("first %d bytes", length)
          .isInstanceOf(ProbeResultFormatException.class);
    }
  }

  @Test
  void bytesAfterTheResultAreRefused() {
    byte[] whole = ProbeResultCodec.encode(plain(SmtpOutcome.TLS));
    byte[] longer = Arrays.copyOf(whole, whole.length + 1);
    assertThatThrownBy(() -> ProbeResultCodec.decode(longer)).isInstanceOf(ProbeResultFormatException.class)
        .hasMessageContaining("1 bytes after the probe result");
  }

  @Test
  void aHugeCertificateLengthOrCountIsRefusedBeforeAnythingIsAllocated() {
    byte[] whole = ProbeResultCodec.encode(tls(new InetSocketAddress("127.0.25.25", 25)));
    int der = derAt(whole, 0);

    byte[] longCertificate = whole.clone();
    ByteBuffer.wrap(longCertificate).putInt(der - 4, Integer.MAX_VALUE);
    assertThatThrownBy(() -> ProbeResultCodec.decode(longCertificate))
        .isInstanceOf(ProbeResultFormatException.class)
        .hasMessageContaining(Integer.MAX_VALUE + " certificate bytes").hasMessageContaining("limit of 65536");

    byte[] negative = whole.clone();
    ByteBuffer.wrap(negative).putInt(der - 4, -1);
    assertThatThrownBy(() -> ProbeResultCodec.decode(negative)).isInstanceOf(ProbeResultFormatException.class);

    byte[] manyCertificates = whole.clone();
    ByteBuffer.wrap(manyCertificates).putShort(der - 6, (short) 0xffff);
    assertThatThrownBy(() -> ProbeResultCodec.decode(manyCertificates))
        .isInstanceOf(ProbeResultFormatException.class).hasMessageContaining("65535 certificates");
  }

  @Test
  void aDamagedCertificateIsRefused() {
    byte[] whole = ProbeResultCodec.encode(tls(new InetSocketAddress("127.0.25.25", 25)));
    byte[] damaged = whole.clone();
    damaged[derAt(whole, 1)] = 0x04;
    assertThatThrownBy(() -> ProbeResultCodec.decode(damaged)).isInstanceOf(ProbeResultFormatException.class)
        .hasMessageContaining("certificate 2 of the probe result unreadable");
  }

  @Test
  void anotherFormatVersionIsRefused() {
    byte[] later = ProbeResultCodec.encode(plain(SmtpOutcome.TLS));
    later[0] = 2;
    assertThatThrownBy(() -> ProbeResultCodec.decode(later)).isInstanceOf(ProbeResultFormatException.class)
        .hasMessage("probe result in format 2; this build reads 1");
  }

  @Test
  void namesOfOutcomesAndSupportThisBuildDoesNotKnowAreRefused() {
    byte[] outcome = ProbeResultCodec.encode(plain(SmtpOutcome.IO_ERROR));
    replace(outcome, "IO_ERROR", "IO_FAULT");
    assertThatThrownBy(() -> ProbeResultCodec.decode(outcome)).isInstanceOf(ProbeResultFormatException.class)
        .hasMessageContaining("unknown SmtpOutcome IO_FAULT");

    byte[] support = ProbeResultCodec.encode(tls(new InetSocketAddress("127.0.25.25", 25)));
    replace(support, "UNTESTABLE", "UNKNOWABLE");
    assertThatThrownBy(() -> ProbeResultCodec.decode(support)).isInstanceOf(ProbeResultFormatException.class)
        .hasMessageContaining("unknown Support UNKNOWABLE");
  }

  @Test
  void resultsBeyondTheLimitsAreNotWrittenAtAll() {
    SmtpProbeResult longBanner = new SmtpProbeResult(new InetSocketAddress("127.0.25.25", 25),
        SmtpOutcome.NO_STARTTLS, "220 " + "x".repeat(70_000), false, null, null, List.of(), List.of(), List.of(),
        null, null, 1);
    assertThatThrownBy(() -> ProbeResultCodec.encode(longBanner)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not encodable");

    SmtpProbeResult longChain = new SmtpProbeResult(new InetSocketAddress("127.0.25.25", 25), SmtpOutcome.TLS,
        null, true, null, null, Collections.nCopies(33, LEAF.certificate()), List.of(), List.of(), null, null, 1);
    assertThatThrownBy(() -> ProbeResultCodec.encode(longChain)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("33 certificates");
  }

  /** Where the DER of the chain's certificate {@code index} starts in {@code encoded}. */
  private static int derAt(byte[] encoded, int index) {
    try {
      int at = Bytes.indexOf(encoded, LEAF.chain().get(index).getEncoded());
      assertThat(at).isPositive();
      return at;
    } catch (CertificateEncodingException e) {
      throw new AssertionError(e);
    }
  }

  /** Overwrites the first occurrence of {@code from} with {@code to}, of the same length. */
  private static void replace(byte[] encoded, String from, String to) {
    byte[] target = from.getBytes(StandardCharsets.US_ASCII);
    int at = Bytes.indexOf(encoded, target);
    assertThat(at).isPositive();
    System.arraycopy(to.getBytes(StandardCharsets.US_ASCII), 0, encoded, at, target.length);
  }
}
