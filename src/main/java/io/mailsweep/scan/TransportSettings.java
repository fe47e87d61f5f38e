package io.mailsweep.scan;

import io.mailsweep.net.smtp.SmtpSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How a run contacts mail and policy servers, fixed when the run starts. Defaults suit a nightly
 * run from a network that may send SMTP; labs shorten the waits and name their targets.
 *
 * @param allowTargets address ranges that alone may be contacted (CIDR); empty: any global address
 * @param allowPrivateTargets whether special-purpose addresses may be contacted (ignored with
 *     allowTargets)
 * @param trustCa PEM files of CAs trusted besides the JDK's
 * @param smtpPort the port MX hosts are probed on (25; other values for labs)
 * @param ehloName the name mailsweep gives in EHLO
 * @param smtpConnectTimeout wait for a TCP connection
 * @param smtpBannerTimeout wait for the greeting (tarpits answer late on purpose)
 * @param smtpCommandTimeout wait for the reply to each command and for the TLS handshake
 * @param smtpDeadline limit for everything one probe of one address does, extra handshakes included
 * @param tlsVersions whether to test each TLS version with a handshake of its own
 * @param weakCiphers whether to test whether weak cipher suites are accepted
 * @param smtpConcurrency probes in flight at once (each holds a thread while it waits)
 * @param smtpPerSubnet probes in flight at once to the addresses of one /24 (IPv4) or /48 (IPv6)
 * @param smtpCacheEntries probed addresses whose results are kept for the run
 * @param smtpCanary hosts that must accept a connection on the SMTP port, else port 25 is taken to
 *     be blocked; empty switches the canary off
 * @param httpsPort the port MTA-STS policies are fetched from (443; other values for labs)
 * @param httpsTimeout wait for a policy server's connection and each read
 * @param httpsDeadline limit for one policy fetch
 * @param certExpiryWarnDays certificates expiring sooner than this warn
 * @param dnssecTrustAnchor DS or DNSKEY records to validate DNSSEC from (DANE); null: none
 * @param trustResolverAd whether to take the resolver's AD bit as DNSSEC validation (DANE)
 * @param transportDeadline hard limit for a transport check of one domain, which includes waiting
 *     for the run's shared probe pool; replaces the per-domain deadline for those checks
 */
public record TransportSettings(
    List<String> allowTargets,
    boolean allowPrivateTargets,
    List<Path> trustCa,
    int smtpPort,
    String ehloName,
    Duration smtpConnectTimeout,
    Duration smtpBannerTimeout,
    Duration smtpCommandTimeout,
    Duration smtpDeadline,
    boolean tlsVersions,
    boolean weakCiphers,
    int smtpConcurrency,
    int smtpPerSubnet,
    int smtpCacheEntries,
    List<String> smtpCanary,
    int httpsPort,
    Duration httpsTimeout,
    Duration httpsDeadline,
    int certExpiryWarnDays,
    Path dnssecTrustAnchor,
    boolean trustResolverAd,
    Duration transportDeadline) {

  /** The well-known mail hosts the default SMTP canary tries. */
  public static final List<String> DEFAULT_CANARY = List.of("gmail-smtp-in.l.google.com",
      "mx1.mail.icloud.com", "mta5.am0.yahoodns.net");

  public static final TransportSettings DEFAULTS = new TransportSettings(List.of(), false, List.of(), 25,
      "mailsweep.invalid", Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(10),
      Duration.ofSeconds(60), true, true, 32, 4, 5_000, DEFAULT_CANARY, 443, Duration.ofSeconds(10),
      Duration.ofSeconds(20), 30, null, false, Duration.ofMinutes(10));

  public TransportSettings {
    allowTargets = List.copyOf(allowTargets);
    trustCa = List.copyOf(trustCa);
    smtpCanary = List.copyOf(smtpCanary);
    port(smtpPort, "SMTP port");
    port(httpsPort, "HTTPS port");
    if (smtpConcurrency < 1 || smtpConcurrency > 1024) {
      throw new IllegalArgumentException("SMTP concurrency must be between 1 and 1024");
    }
    if (smtpPerSubnet < 1 || smtpPerSubnet > 1024) {
      throw new IllegalArgumentException("SMTP probes per subnet must be between 1 and 1024");
    }
    if (smtpCacheEntries < 1) {
      throw new IllegalArgumentException("the SMTP result cache needs at least 1 entry");
    }
    if (certExpiryWarnDays < 0 || certExpiryWarnDays > 3650) {
      throw new IllegalArgumentException("certificate expiry warning must be 0..3650 days");
    }
    for (Duration d : List.of(smtpConnectTimeout, smtpBannerTimeout, smtpCommandTimeout, smtpDeadline,
        httpsTimeout, httpsDeadline, transportDeadline)) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("transport timeouts and deadlines must be positive");
      }
    }
  }

  /** The SMTP probe's settings; reply limits stay at their protocol-derived defaults. */
  public SmtpSettings smtp() {
    SmtpSettings d = SmtpSettings.DEFAULTS;
    return new SmtpSettings(smtpPort, ehloName, smtpConnectTimeout, smtpBannerTimeout, smtpCommandTimeout,
        smtpDeadline, d.maxLineLength(), d.maxReplyLines(), d.maxReplyBytes(), tlsVersions, weakCiphers);
  }

  private static void port(int port, String what) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(what + " must be 1..65535");
    }
  }
}
