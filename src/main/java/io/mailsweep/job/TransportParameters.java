package io.mailsweep.job;

import io.mailsweep.scan.TransportSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@link TransportSettings} as job parameters (keys {@code transport.*}), both ways. */
final class TransportParameters {
  private TransportParameters() {}

  static void describe(TransportSettings t, Map<String, String> m) {
    m.put("transport.allow-targets", String.join(",", t.allowTargets()));
    m.put("transport.allow-private-targets", Boolean.toString(t.allowPrivateTargets()));
    m.put("transport.trust-ca", String.join(",", t.trustCa().stream().map(Path::toString).toList()));
    m.put("transport.smtp.port", Integer.toString(t.smtpPort()));
    m.put("transport.smtp.ehlo", t.ehloName());
    m.put("transport.smtp.connect.ms", ms(t.smtpConnectTimeout()));
    m.put("transport.smtp.banner.ms", ms(t.smtpBannerTimeout()));
    m.put("transport.smtp.command.ms", ms(t.smtpCommandTimeout()));
    m.put("transport.smtp.deadline.ms", ms(t.smtpDeadline()));
    m.put("transport.smtp.tls-versions", Boolean.toString(t.tlsVersions()));
    m.put("transport.smtp.weak-ciphers", Boolean.toString(t.weakCiphers()));
    m.put("transport.smtp.concurrency", Integer.toString(t.smtpConcurrency()));
    m.put("transport.smtp.per-subnet", Integer.toString(t.smtpPerSubnet()));
    m.put("transport.smtp.cache", Integer.toString(t.smtpCacheEntries()));
    m.put("transport.smtp.canary", String.join(",", t.smtpCanary()));
    m.put("transport.https.port", Integer.toString(t.httpsPort()));
    m.put("transport.https.timeout.ms", ms(t.httpsTimeout()));
    m.put("transport.https.deadline.ms", ms(t.httpsDeadline()));
    m.put("transport.cert.expiry-warn-days", Integer.toString(t.certExpiryWarnDays()));
    m.put("transport.dnssec.trust-anchor", t.dnssecTrustAnchor() == null ? "" : t.dnssecTrustAnchor().toString());
    m.put("transport.dnssec.trust-resolver-ad", Boolean.toString(t.trustResolverAd()));
    m.put("transport.deadline.ms", ms(t.transportDeadline()));
  }

  /** The settings from job parameters; the defaults for a run stored before they existed. */
  static TransportSettings read(Function<String, String> p) {
    if (p.apply("transport.smtp.port") == null) {
      return TransportSettings.DEFAULTS;
    }
    String anchor = p.apply("transport.dnssec.trust-anchor");
    return new TransportSettings(
        list(p.apply("transport.allow-targets")),
        Boolean.parseBoolean(p.apply("transport.allow-private-targets")),
        list(p.apply("transport.trust-ca")).stream().map(Path::of).toList(),
        Integer.parseInt(p.apply("transport.smtp.port")),
        p.apply("transport.smtp.ehlo"),
        millis(p.apply("transport.smtp.connect.ms")),
        millis(p.apply("transport.smtp.banner.ms")),
        millis(p.apply("transport.smtp.command.ms")),
        millis(p.apply("transport.smtp.deadline.ms")),
        Boolean.parseBoolean(p.apply("transport.smtp.tls-versions")),
        Boolean.parseBoolean(p.apply("transport.smtp.weak-ciphers")),
        Integer.parseInt(p.apply("transport.smtp.concurrency")),
        integer(p.apply("transport.smtp.per-subnet"), TransportSettings.DEFAULTS.smtpPerSubnet()),
        Integer.parseInt(p.apply("transport.smtp.cache")),
        list(p.apply("transport.smtp.canary")),
        Integer.parseInt(p.apply("transport.https.port")),
        millis(p.apply("transport.https.timeout.ms")),
        millis(p.apply("transport.https.deadline.ms")),
        Integer.parseInt(p.apply("transport.cert.expiry-warn-days")),
        anchor == null || anchor.isEmpty() ? null : Path.of(anchor),
        Boolean.parseBoolean(p.apply("transport.dnssec.trust-resolver-ad")),
        millis(p.apply("transport.deadline.ms")));
  }

  private static String ms(Duration d) {
    return Long.toString(d.toMillis());
  }

  private static Duration millis(String text) {
    return Duration.ofMillis(Long.parseLong(text));
  }

  /** A value added in a later version; runs stored before it have the default. */
  private static int integer(String text, int absent) {
    return text == null ? absent : Integer.parseInt(text);
  }

  private static List<String> list(String text) {
    return text == null || text.isBlank() ? List.of() : List.of(text.split(","));
  }
}
