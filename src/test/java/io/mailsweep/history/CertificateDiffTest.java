package io.mailsweep.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.store.MailServerCertificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateDiffTest {
  private static final Instant STARTED = Instant.parse("2026-11-29T02:00:00Z");

  private static MailServerCertificate cert(String host, String address, String subject, String notAfter) {
    return new MailServerCertificate(host, address, 25, subject, subject == null ? null : "CN=Lab CA", notAfter);
  }

  private static List<Change> compare(Duration horizon, List<MailServerCertificate> before,
      List<MailServerCertificate> after) {
    List<Change> out = new ArrayList<>();
    new RunDiff(DiffSettings.DEFAULTS.withExpiryHorizon(horizon))
        .compareCertificates(before.iterator(), after.iterator(), STARTED, out::add);
    return out;
  }

  @Test
  void aReplacedCertificateIsListedOnceUnderItsMxHost() {
    List<Change> changes = compare(Duration.ofDays(7),
        List.of(cert("mx1.a.test", "127.0.25.1", "CN=mx1.a.test", "2026-12-01T00:00:00Z"),
            cert("mx2.a.test", "127.0.25.2", "CN=mx2.a.test", "2027-06-01T00:00:00Z"),
            cert("old.a.test", "127.0.25.3", "CN=old", "2027-06-01T00:00:00Z")),
        List.of(cert("mx1.a.test", "127.0.25.1", "CN=mx1.a.test", "2027-03-01T00:00:00Z"),
            cert("mx2.a.test", "127.0.25.2", "CN=mx2.a.test", "2027-06-01T00:00:00Z"),
            cert("mx3.a.test", "::1", null, null)));
    assertThat(changes).containsExactly(new Change("mx1.a.test", ChangeKind.CERTIFICATE_CHANGED, "starttls",
        "subject CN=mx1.a.test; issuer CN=Lab CA; expires 2026-12-01T00:00:00Z",
        "subject CN=mx1.a.test; issuer CN=Lab CA; expires 2027-03-01T00:00:00Z", "mail server mx1.a.test 127.0.25.1:25"));
  }

  @Test
  void aCertificateExpiringBeforeTheNextRunIsListedButNotOneAlreadyExpired() {
    List<Change> changes = compare(Duration.ofDays(7), List.of(),
        List.of(cert("a.test", "127.0.0.1", "CN=a", "2026-12-02T02:00:00Z"),
            cert("b.test", "127.0.0.1", "CN=b", "2026-11-29T01:00:00Z"),
            cert("c.test", "127.0.0.1", "CN=c", "2026-12-06T03:00:00Z"),
            cert("d.test", "127.0.0.1", "CN=d", "not a date"),
            cert("e.test", "[::1]", "CN=e", "2026-11-29T12:00:00Z")));
    assertThat(changes).extracting(Change::domain, Change::kind, Change::after).containsExactly(
        org.assertj.core.groups.Tuple.tuple("a.test", ChangeKind.CERTIFICATE_EXPIRING, "2026-12-02T02:00:00Z"),
        org.assertj.core.groups.Tuple.tuple("e.test", ChangeKind.CERTIFICATE_EXPIRING, "2026-11-29T12:00:00Z"));
    assertThat(changes.get(0).detail()).startsWith("mail server a.test 127.0.0.1:25; expires 3 days after");
    assertThat(changes.get(1).detail()).contains("expires 10 hours after");
    assertThat(compare(Duration.ofDays(30), List.of(), List.of(cert("c.test", "127.0.0.1", "CN=c",
        "2026-12-06T03:00:00Z")))).hasSize(1);
  }
}
