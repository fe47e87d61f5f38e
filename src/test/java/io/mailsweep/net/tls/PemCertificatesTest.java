package io.mailsweep.net.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsweep.testing.tls.TestCa;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code --trust-ca} bundles: what is read, and the one-line reason for each file refused. */
class PemCertificatesTest {
  private static final TestCa FIRST = TestCa.create("First Lab CA");
  private static final TestCa SECOND = TestCa.create("Second Lab CA");

  @TempDir
  Path dir;

  @Test
  void bundleWithTwoCasAndCommentsBetweenBlocks() throws Exception {
    Path file = write("two.pem", "# Issuer: CN=First Lab CA\n" + FIRST.pem() + "\n# Issuer: CN=Second Lab CA\r\n"
        + SECOND.pem().replace("\n", "\r\n"));

    List<X509Certificate> certificates = PemCertificates.read(file);

    assertThat(certificates).containsExactly(FIRST.certificate(), SECOND.certificate());
  }

  @Test
  void otherBlockTypesAreIgnored() throws Exception {
    Path file = write("mixed.pem", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n" + FIRST.pem());

    assertThat(PemCertificates.read(file)).containsExactly(FIRST.certificate());
  }

  static Stream<Arguments> refusedContents() {
    String pem = FIRST.pem();
    String body = pem.substring(pem.indexOf('\n') + 1, pem.indexOf("-----END"));
    return Stream.of(
        Arguments.of("", "file is empty"),
        Arguments.of(" \n\t\n", "file is empty"),
        Arguments.of("this is not a certificate\n", "no PEM certificate (\"-----BEGIN CERTIFICATE-----\") found"),
        Arguments.of(pem.replace(body, "!!not base64!!\n"), "certificate 1 is not valid base64"),
        Arguments.of(pem + pem.replace(body, "AAAAAAAA\n"), "certificate 2 is not a valid X.509 certificate"),
        Arguments.of(pem + pem.substring(0, pem.indexOf("-----END")),
            "certificate 2 has no \"-----END CERTIFICATE-----\" line"));
  }

  @ParameterizedTest
  @MethodSource("refusedContents")
  void refusedContents(String content, String problem) throws Exception {
    Path file = write("bad.pem", content);

    assertThatThrownBy(() -> PemCertificates.read(file))
        .isInstanceOfSatisfying(TrustMaterialException.class, e -> {
          assertThat(e.problem()).isEqualTo(problem);
          assertThat(e.file()).isEqualTo(file);
          assertThat(e.getMessage()).isEqualTo(file + ": " + problem).doesNotContain("\n");
        });
  }

  @Test
  void missingFileAndDirectory() {
    Path missing = dir.resolve("missing.pem");
    assertThatThrownBy(() -> PemCertificates.read(missing))
        .isInstanceOf(TrustMaterialException.class).hasMessage(missing + ": file not found");
    assertThatThrownBy(() -> PemCertificates.read(dir))
        .isInstanceOf(TrustMaterialException.class).hasMessage(dir + ": not a regular file");
  }

  @Test
  void fileLargerThanTheBoundIsNotRead() throws Exception {
    Path file = dir.resolve("huge.pem");
    Files.write(file, new byte[PemCertificates.MAX_BYTES + 1]);

    assertThatThrownBy(() -> PemCertificates.read(file))
        .isInstanceOf(TrustMaterialException.class).hasMessage(file + ": larger than 1048576 bytes; not a CA bundle");
  }

  @Test
  void derFileGetsAConversionHint() throws Exception {
    Path file = dir.resolve("ca.der");
    Files.write(file, FIRST.certificate().getEncoded());

    assertThatThrownBy(() -> PemCertificates.read(file))
        .isInstanceOf(TrustMaterialException.class).hasMessageContaining("looks like binary DER")
        .hasMessageContaining("openssl x509 -inform der");
  }

  private Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.US_ASCII);
  }
}
