package io.mailsweep.check.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsweep.check.FindingDefinition;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CertificateSettingsTest {
  @Test
  void defaultsAndBounds() {
    assertThat(CertificateSettings.DEFAULTS).isEqualTo(new CertificateSettings(30, 2048, 256));
    assertThatThrownBy(() -> new CertificateSettings(-1, 2048, 256)).hasMessageContaining("expiry warning");
    assertThatThrownBy(() -> new CertificateSettings(30, 256, 256)).hasMessageContaining("RSA");
    assertThatThrownBy(() -> new CertificateSettings(30, 2048, 1024)).hasMessageContaining("EC");
  }

  @Test
  void everyFindingHasRemediationAndReference() {
    assertThat(Arrays.stream(CertificateFinding.values()).map(CertificateFinding::definition))
        .allSatisfy((FindingDefinition d) -> {
          assertThat(d.code()).startsWith("CERT_");
          assertThat(d.remediation()).isNotBlank();
          assertThat(d.reference()).isNotBlank();
        });
  }
}
