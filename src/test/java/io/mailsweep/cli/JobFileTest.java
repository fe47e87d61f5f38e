package io.mailsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobFileTest {
  @TempDir Path dir;

  private Path job(String yaml) throws Exception {
    Path jobs = Files.createDirectories(dir.resolve("jobs"));
    return Files.writeString(jobs.resolve("nightly.yml"), yaml);
  }

  @Test
  void translatesKeysIntoScanArgumentsWithPathsRelativeToTheJobFile() throws Exception {
    List<String> args = JobFile.arguments(job("""
        name: nightly
        input: ../lists/vendors.csv
        out: ../reports
        resolvers: [127.0.0.1:5353, "127.0.0.2"]
        checks: [spf, dmarc]
        canary: false
        dns-timeout: 500ms
        dns-qps: 50
        schedule: "0 2 * * *"
        dkim-selectors: [s1, s2]
        """));
    assertThat(args).containsExactly(dir.resolve("lists/vendors.csv").toString(),
        "--job-name", "nightly", "--out", dir.resolve("reports").toString(),
        "--resolver", "127.0.0.1:5353", "--resolver", "127.0.0.2", "--checks", "spf,dmarc",
        "--no-canary", "--dns-timeout", "500ms", "--dns-qps", "50", "--dkim-selectors", "s1,s2");
  }

  @Test
  void transportKeysBecomeOptionsAndFlags() throws Exception {
    List<String> args = JobFile.arguments(job("""
        input: ../lists/vendors.csv
        allow-targets: [127.0.25.0/24, "::1"]
        allow-private-targets: true
        trust-resolver-ad: false
        tls-versions: false
        weak-ciphers: true
        trust-ca: [../pki/ca.pem]
        dnssec-trust-anchor: ../pki/root.anchor
        smtp-canary: [mx1.lab.test]
        smtp-port: 2525
        smtp-per-subnet: 2
        """));
    assertThat(args).containsExactly(dir.resolve("lists/vendors.csv").toString(),
        "--allow-targets", "127.0.25.0/24,::1", "--allow-private-targets", "--no-tls-versions",
        "--trust-ca", dir.resolve("pki/ca.pem").toString(),
        "--dnssec-trust-anchor", dir.resolve("pki/root.anchor").toString(),
        "--smtp-canary", "mx1.lab.test", "--smtp-port", "2525", "--smtp-per-subnet", "2");
    assertThatThrownBy(() -> JobFile.arguments(job("input: a.csv\nallow-private-targets: yes please\n")))
        .isInstanceOf(UserError.class).hasMessageContaining("'allow-private-targets' must be true or false");
  }

  @Test
  void mailAccessAndContactKeysBecomeOptionsAndFlags() throws Exception {
    List<String> args = JobFile.arguments(job("""
        input: vendors.csv
        checks: [access, e2ee]
        access-guess-hosts: true
        max-access-hosts: 2
        contact-column: Security contact
        max-contacts: 3
        """));
    assertThat(args).containsExactly(dir.resolve("jobs/vendors.csv").toString(), "--checks", "access,e2ee",
        "--access-guess-hosts", "--max-access-hosts", "2", "--contact-column", "Security contact",
        "--max-contacts", "3");
    assertThat(JobFile.arguments(job("input: vendors.csv\naccess-guess-hosts: false\n")))
        .containsExactly(dir.resolve("jobs/vendors.csv").toString());
  }

  @Test
  void formatKeyTakesAListOrOneName() throws Exception {
    assertThat(JobFile.arguments(job("input: a.csv\nformat: [xlsx, csv, jsonl]\n")))
        .containsExactly(dir.resolve("jobs/a.csv").toString(), "--format", "xlsx,csv,jsonl");
    assertThat(JobFile.arguments(job("input: a.csv\nformat: jsonl\n")))
        .containsExactly(dir.resolve("jobs/a.csv").toString(), "--format", "jsonl");
  }

  @Test
  void mistakesAreUserErrorsNamingTheFileAndKey() throws Exception {
    assertThatThrownBy(() -> JobFile.arguments(job("input: a.csv\ncolumnn: domain\n")))
        .isInstanceOf(UserError.class).hasMessageContaining("unknown key 'columnn'").hasMessageContaining("column");
    assertThatThrownBy(() -> JobFile.arguments(job("name: x\n")))
        .isInstanceOf(UserError.class).hasMessageContaining("'input' is required");
    assertThatThrownBy(() -> JobFile.arguments(job("input: [unclosed\n")))
        .isInstanceOf(UserError.class).hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> JobFile.arguments(job("- a\n- b\n")))
        .isInstanceOf(UserError.class).hasMessageContaining("must be a mapping");
    assertThatThrownBy(() -> JobFile.arguments(dir.resolve("missing.yml")))
        .isInstanceOf(UserError.class).hasMessageContaining("does not exist");
  }

  @Test
  void durationsReadAsWritten() {
    assertThat(DurationConverter.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(DurationConverter.parse("2s")).isEqualTo(Duration.ofSeconds(2));
    assertThat(DurationConverter.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(DurationConverter.parse("PT1H")).isEqualTo(Duration.ofHours(1));
    assertThatThrownBy(() -> DurationConverter.parse("soon")).hasMessageContaining("not a duration");
  }
}
