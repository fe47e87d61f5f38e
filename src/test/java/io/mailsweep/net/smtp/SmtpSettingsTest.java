package io.mailsweep.net.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmtpSettingsTest {
  @Test
  void defaults() {
    SmtpSettings d = SmtpSettings.DEFAULTS;
    assertThat(d.port()).isEqualTo(25);
    assertThat(d.ehloName()).isEqualTo("mailsweep.invalid");
    assertThat(d.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(d.bannerTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(d.commandTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(d.totalDeadline()).isEqualTo(Duration.ofSeconds(60));
    assertThat(d.maxLineLength()).isEqualTo(1000);
    assertThat(d.maxReplyLines()).isEqualTo(100);
    assertThat(d.probeVersions()).isTrue();
    assertThat(d.probeWeakCiphers()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"scanner.example.com", "localhost", "a-b.c9", "X.Y"})
  void acceptsHostNames(String name) {
    assertThat(ehlo(name).ehloName()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-a.test", "a-.test", "a..test", "a.test.", "a b.test", "a_b.test", "192.0.2.1",
      "[192.0.2.1]", "ümlaut.test"})
  void refusesWhatIsNotAHostName(String name) {
    assertThatThrownBy(() -> ehlo(name)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EHLO");
  }

  @Test
  void refusesLongLabelsAndNames() {
    assertThatThrownBy(() -> ehlo("a".repeat(64) + ".test")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ehlo(("a".repeat(60) + ".").repeat(5) + "test"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesUnboundedOrNonsenseLimits() {
    SmtpSettings d = SmtpSettings.DEFAULTS;
    assertThatThrownBy(() -> d.withTimeouts(Duration.ZERO, d.bannerTimeout(), d.commandTimeout(), d.totalDeadline()))
        .hasMessageContaining("connect timeout");
    assertThatThrownBy(() -> d.withTimeouts(d.connectTimeout(), d.bannerTimeout(), d.commandTimeout(), null))
        .hasMessageContaining("deadline");
    assertThatThrownBy(() -> d.withReplyLimits(4, 10, 100)).hasMessageContaining("line limit");
    assertThatThrownBy(() -> d.withReplyLimits(100, 0, 1000)).hasMessageContaining("count");
    assertThatThrownBy(() -> d.withReplyLimits(100, 10, 99)).hasMessageContaining("size");
  }

  private static SmtpSettings ehlo(String name) {
    SmtpSettings d = SmtpSettings.DEFAULTS;
    return new SmtpSettings(d.port(), name, d.connectTimeout(), d.bannerTimeout(), d.commandTimeout(),
        d.totalDeadline(), d.maxLineLength(), d.maxReplyLines(), d.maxReplyBytes(), d.probeVersions(),
        d.probeWeakCiphers());
  }
}
