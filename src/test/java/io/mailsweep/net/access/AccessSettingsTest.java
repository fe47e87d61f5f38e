package io.mailsweep.net.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessSettingsTest {
  @Test
  void defaults() {
    AccessSettings d = AccessSettings.DEFAULTS;
    assertThat(d.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(d.greetingTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(d.commandTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(d.totalDeadline()).isEqualTo(Duration.ofSeconds(30));
    assertThat(d.maxLineLength()).isEqualTo(8192);
    assertThat(d.maxResponseLines()).isEqualTo(100);
    assertThat(d.maxResponseBytes()).isEqualTo(65536);
    assertThat(d.ehloName()).isEqualTo("mailsweep.invalid");
  }

  @ParameterizedTest
  @ValueSource(strings = {"scanner.example.com", "localhost", "a-b.c9"})
  void acceptsHostNames(String name) {
    assertThat(AccessSettings.DEFAULTS.withEhloName(name).ehloName()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-a.test", "a..test", "a b.test", "192.0.2.1", "[192.0.2.1]", "ümlaut.test"})
  void refusesWhatIsNotAHostName(String name) {
    assertThatThrownBy(() -> AccessSettings.DEFAULTS.withEhloName(name))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EHLO name");
    assertThatThrownBy(() -> AccessSettings.DEFAULTS.withEhloName(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesUnboundedOrNonsenseLimits() {
    AccessSettings d = AccessSettings.DEFAULTS;
    Duration s = Duration.ofSeconds(1);
    assertThatThrownBy(() -> d.withTimeouts(Duration.ZERO, s, s, s)).hasMessageContaining("connect timeout");
    assertThatThrownBy(() -> d.withTimeouts(s, Duration.ofSeconds(-1), s, s)).hasMessageContaining("greeting timeout");
    assertThatThrownBy(() -> d.withTimeouts(s, s, null, s)).hasMessageContaining("command timeout");
    assertThatThrownBy(() -> d.withTimeouts(s, s, s, Duration.ZERO)).hasMessageContaining("deadline");
    assertThatThrownBy(() -> d.withResponseLimits(4, 10, 100)).hasMessageContaining("line limit");
    assertThatThrownBy(() -> d.withResponseLimits(100, 0, 1000)).hasMessageContaining("count");
    assertThatThrownBy(() -> d.withResponseLimits(100, 10, 99)).hasMessageContaining("size");
  }
}
