package io.mailsweep.cli;

import io.mailsweep.net.CidrRange;
import io.mailsweep.net.tls.TrustMaterial;
import io.mailsweep.net.tls.TrustMaterialException;
import io.mailsweep.scan.TransportSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of the transport checks (STARTTLS, MTA-STS, DANE): whom to contact, how long to wait. */
final class TransportOptions {
  @Option(names = "--allow-targets", paramLabel = "CIDR", split = ",",
      description = "Only these address ranges may be contacted (MX and MTA-STS hosts), e.g. 127.0.25.0/24 for a"
          + " lab. Default: any public address; special-purpose ones (private, loopback, link-local, ...) never.")
  List<String> allowTargets = new ArrayList<>();

  @Option(names = "--allow-private-targets",
      description = "Also contact private, loopback and other special-purpose addresses that DNS names.")
  boolean allowPrivateTargets;

  @Option(names = "--trust-ca", paramLabel = "FILE",
      description = "PEM file of CA certificates trusted besides the JDK's (labs, private PKIs); repeatable.")
  List<Path> trustCa = new ArrayList<>();

  @Option(names = "--smtp-port", paramLabel = "N", defaultValue = "25",
      description = "Port MX hosts are probed on (default: ${DEFAULT-VALUE}).")
  int smtpPort;

  @Option(names = "--ehlo-name", paramLabel = "NAME", defaultValue = "mailsweep.invalid",
      description = "Name given in EHLO; use a name of the scanning host (default: ${DEFAULT-VALUE}).")
  String ehloName;

  @Option(names = "--smtp-connect-timeout", paramLabel = "DURATION", defaultValue = "10s",
      converter = DurationConverter.class, description = "Wait for an SMTP connection (default: ${DEFAULT-VALUE}).")
  Duration smtpConnectTimeout;

  @Option(names = "--smtp-banner-timeout", paramLabel = "DURATION", defaultValue = "20s",
      converter = DurationConverter.class, description = "Wait for the SMTP greeting (default: ${DEFAULT-VALUE}).")
  Duration smtpBannerTimeout;

  @Option(names = "--smtp-command-timeout", paramLabel = "DURATION", defaultValue = "10s",
      converter = DurationConverter.class,
      description = "Wait for each SMTP reply and the TLS handshake (default: ${DEFAULT-VALUE}).")
  Duration smtpCommandTimeout;

  @Option(names = "--smtp-deadline", paramLabel = "DURATION", defaultValue = "60s",
      converter = DurationConverter.class,
      description = "Limit for all conversations with one address, extra handshakes included (default: ${DEFAULT-VALUE}).")
  Duration smtpDeadline;

  @Option(names = "--no-tls-versions", description = "Do not test each TLS version with its own handshake.")
  boolean noTlsVersions;

  @Option(names = "--no-weak-ciphers", description = "Do not test whether weak cipher suites are accepted.")
  boolean noWeakCiphers;

  @Option(names = "--smtp-concurrency", paramLabel = "N", defaultValue = "32",
      description = "SMTP probes in flight at once; each address is probed once per run (default: ${DEFAULT-VALUE}).")
  int smtpConcurrency;

  @Option(names = "--smtp-per-subnet", paramLabel = "N", defaultValue = "4",
      description = "SMTP probes in flight at once to the addresses of one /24 (IPv4) or /48 (IPv6); the others"
          + " wait without holding a probe thread (default: ${DEFAULT-VALUE}).")
  int smtpPerSubnet;

  @Option(names = "--smtp-cache", paramLabel = "N", defaultValue = "5000",
      description = "Probed addresses whose results are kept for the run (default: ${DEFAULT-VALUE}).")
  int smtpCache;

  @Option(names = "--smtp-canary", paramLabel = "HOST", split = ",",
      description = "Mail hosts that must accept a connection, else outbound SMTP is taken to be blocked and no MX is"
          + " probed; 'none' switches it off (default: gmail-smtp-in.l.google.com,mx1.mail.icloud.com,"
          + "mta5.am0.yahoodns.net).")
  List<String> smtpCanary = new ArrayList<>();

  @Option(names = "--https-port", paramLabel = "N", defaultValue = "443",
      description = "Port MTA-STS policies are fetched from (default: ${DEFAULT-VALUE}).")
  int httpsPort;

  @Option(names = "--https-timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
      description = "Wait for a policy server's connection and each read (default: ${DEFAULT-VALUE}).")
  Duration httpsTimeout;

  @Option(names = "--https-deadline", paramLabel = "DURATION", defaultValue = "20s", converter = DurationConverter.class,
      description = "Limit for one MTA-STS policy fetch (default: ${DEFAULT-VALUE}).")
  Duration httpsDeadline;

  @Option(names = "--cert-expiry-warn", paramLabel = "DAYS", defaultValue = "30",
      description = "Certificates expiring within this many days warn (default: ${DEFAULT-VALUE}).")
  int certExpiryWarnDays;

  @Option(names = "--dnssec-trust-anchor", paramLabel = "FILE",
      description = "DS or DNSKEY records (zone-file syntax) to validate DNSSEC from, for DANE; e.g. the root"
          + " anchor, or a lab zone's key.")
  Path dnssecTrustAnchor;

  @Option(names = "--trust-resolver-ad",
      description = "Take the resolver's AD bit as DNSSEC validation, for DANE (only for a validating resolver on a"
          + " trusted path, such as unbound on this host).")
  boolean trustResolverAd;

  @Option(names = "--transport-deadline", paramLabel = "DURATION", defaultValue = "10m",
      converter = DurationConverter.class,
      description = "Limit for a transport check of one domain, including waiting for the shared probe pool"
          + " (default: ${DEFAULT-VALUE}).")
  Duration transportDeadline;

  TransportSettings toSettings() {
    for (String range : allowTargets) {
      try {
        CidrRange.parse(range);
      } catch (IllegalArgumentException e) {
        throw new UserError("--allow-targets: " + e.getMessage());
      }
    }
    try {
      TrustMaterial.withExtra(trustCa);
    } catch (TrustMaterialException e) {
      throw new UserError("--trust-ca: " + e.getMessage());
    }
    if (dnssecTrustAnchor != null && !Files.isReadable(dnssecTrustAnchor)) {
      throw new UserError("--dnssec-trust-anchor: " + dnssecTrustAnchor + " does not exist or is not readable");
    }
    List<String> canary = smtpCanary.isEmpty() ? TransportSettings.DEFAULT_CANARY
        : smtpCanary.equals(List.of("none")) ? List.of() : smtpCanary;
    try {
      TransportSettings settings = new TransportSettings(allowTargets, allowPrivateTargets,
          trustCa.stream().map(p -> p.toAbsolutePath().normalize()).toList(), smtpPort, ehloName,
          smtpConnectTimeout, smtpBannerTimeout, smtpCommandTimeout, smtpDeadline, !noTlsVersions, !noWeakCiphers,
          smtpConcurrency, smtpPerSubnet, smtpCache, canary, httpsPort, httpsTimeout, httpsDeadline,
          certExpiryWarnDays, dnssecTrustAnchor == null ? null : dnssecTrustAnchor.toAbsolutePath().normalize(),
          trustResolverAd, transportDeadline);
      settings.smtp();
      return settings;
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }
}
