package io.mailsweep.history;

import io.mailsweep.check.starttls.StartTlsCheck;
import io.mailsweep.store.MailServerCertificate;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The certificate changes between two runs' mail servers, matched by host, address and port: a
 * server whose certificate (subject, issuer or expiry) differs, and a server of the later run whose
 * certificate expires within the horizon after that run started (not yet expired: an expired one
 * is the finding CERT_EXPIRED). Each server is listed once, under its MX host name, however many
 * domains name it.
 */
final class CertificateDiff {
  static final Comparator<MailServerCertificate> ORDER = Comparator.comparing(MailServerCertificate::host)
      .thenComparing(MailServerCertificate::address)
      .thenComparingInt(MailServerCertificate::port);

  private final Instant laterStarted;
  private final Duration horizon;

  CertificateDiff(Instant laterStarted, Duration horizon) {
    this.laterStarted = laterStarted;
    this.horizon = horizon;
  }

  /** Both sides in {@link #ORDER}. */
  void compare(Iterator<MailServerCertificate> before, Iterator<MailServerCertificate> after, Consumer<Change> out) {
    new SortedMerge<>(ORDER, CertificateDiff::server, "mail servers").merge(before, after,
        new SortedMerge.Visitor<>() {
          @Override
          public void onlyBefore(MailServerCertificate a) {}

          @Override
          public void onlyAfter(MailServerCertificate b) {
            expiring(b, out);
          }

          @Override
          public void both(MailServerCertificate a, MailServerCertificate b) {
            changed(a, b, out);
            expiring(b, out);
          }
        });
  }

  private static void changed(MailServerCertificate a, MailServerCertificate b, Consumer<Change> out) {
    if (!a.seen() || !b.seen()) {
      return;
    }
    if (Objects.equals(a.subject(), b.subject()) && Objects.equals(a.issuer(), b.issuer())
        && Objects.equals(a.notAfter(), b.notAfter())) {
      return;
    }
    out.accept(new Change(b.host(), ChangeKind.CERTIFICATE_CHANGED, StartTlsCheck.NAME, describe(a), describe(b),
        "mail server " + server(b)));
  }

  private void expiring(MailServerCertificate b, Consumer<Change> out) {
    Instant notAfter = instant(b.notAfter());
    if (notAfter == null || !notAfter.isAfter(laterStarted) || notAfter.isAfter(laterStarted.plus(horizon))) {
      return;
    }
    long hours = Duration.between(laterStarted, notAfter).toHours();
    String within = hours < 48 ? hours + " hours" : hours / 24 + " days";
    out.accept(new Change(b.host(), ChangeKind.CERTIFICATE_EXPIRING, StartTlsCheck.NAME, null, b.notAfter(),
        "mail server " + server(b) + "; expires " + within + " after this run started; " + describe(b)));
  }

  static String describe(MailServerCertificate c) {
    return "subject " + c.subject() + "; issuer " + c.issuer() + "; expires " + c.notAfter();
  }

  static String server(MailServerCertificate c) {
    String address = c.address().contains(":") ? "[" + c.address() + "]" : c.address();
    return c.host() + " " + address + ":" + c.port();
  }

  private static Instant instant(String text) {
    try {
      return text == null ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
