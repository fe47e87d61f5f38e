package io.mailsweep.scan;

import io.mailsweep.check.transport.CertificateEvaluator;
import io.mailsweep.check.transport.CertificateSettings;
import io.mailsweep.check.transport.ServerProbe.Skip;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.CidrRange;
import io.mailsweep.net.TargetPolicy;
import io.mailsweep.net.dns.Dns;
import io.mailsweep.net.https.HttpsSettings;
import io.mailsweep.net.https.PolicyFetcher;
import io.mailsweep.net.https.SocketPolicyFetcher;
import io.mailsweep.net.smtp.SmtpProbe;
import io.mailsweep.net.access.AccessSettings;
import io.mailsweep.net.access.SocketAccessProbe;
import io.mailsweep.net.smtp.SocketSmtpProbe;
import io.mailsweep.net.tls.TrustMaterial;
import io.mailsweep.net.tls.TrustMaterialException;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * The run's machinery for contacting servers: the target guard, the trust anchors, the SMTP
 * probe with its bounded pool and run-wide cache, the mail-access probe likewise, and the HTTPS
 * policy fetcher. Owns the threads that block on sockets; DNS stays with the engine. Mail-access
 * probes take their timeouts, pool size, subnet cap and cache size from the SMTP settings. SMTP
 * results are shared with the run's other processes through {@link SharedProbes}.
 */
final class TransportStack implements AutoCloseable {
  private final TransportSettings settings;
  private final TargetPolicy guard;
  private final TrustMaterial trust;
  private final CertificateEvaluator certificates;
  private final SmtpProbe smtp;
  private final ExecutorService smtpPool;
  private final ExecutorService httpsPool;
  private final ExecutorService accessPool;
  private final AccessProbes access;
  private final MxProbes prober;
  private final PolicyFetcher fetcher;
  private volatile SmtpCanary.Reach reach = new SmtpCanary.Reach(SmtpCanary.State.OFF, "no SMTP check enabled");

  TransportStack(TransportSettings settings, SharedProbes shared, ThreadFactory smtpThreads,
      ThreadFactory httpsThreads, ThreadFactory accessThreads) {
    this.settings = settings;
    this.guard = guard(settings);
    this.trust = trust(settings);
    this.certificates = new CertificateEvaluator(trust, new CertificateSettings(settings.certExpiryWarnDays(),
        CertificateSettings.DEFAULTS.minRsaBits(), CertificateSettings.DEFAULTS.minEcBits()), Clock.systemUTC());
    this.smtp = new SocketSmtpProbe(settings.smtp());
    this.smtpPool = Executors.newFixedThreadPool(settings.smtpConcurrency(), smtpThreads);
    this.httpsPool = Executors.newFixedThreadPool(Math.max(2, settings.smtpConcurrency() / 2), httpsThreads);
    this.prober = new MxProbes(smtp, guard, settings.smtpPort(), smtpPool, settings.smtpCacheEntries(),
        settings.smtpPerSubnet(), shared);
    HttpsSettings https = HttpsSettings.DEFAULTS.withPort(settings.httpsPort())
        .withDeadlines(settings.httpsTimeout(), settings.httpsDeadline());
    this.fetcher = new SocketPolicyFetcher(trust.clientContext(), https, httpsPool);
    this.accessPool = Executors.newFixedThreadPool(settings.smtpConcurrency(), accessThreads);
    this.access = new AccessProbes(new SocketAccessProbe(accessSettings(settings)), guard, accessPool,
        settings.smtpCacheEntries(), settings.smtpPerSubnet());
  }

  /** The mail-access probe's bounds: the SMTP probe's timeouts, EHLO name and reply bounds. */
  static AccessSettings accessSettings(TransportSettings s) {
    return AccessSettings.DEFAULTS.withTimeouts(s.smtpConnectTimeout(), s.smtpBannerTimeout(), s.smtpCommandTimeout(),
        s.smtpDeadline()).withEhloName(s.ehloName());
  }

  /** Runs the SMTP canary; when it finds the port blocked, every probe of the run is skipped. */
  SmtpCanary.Reach checkSmtpReach(Dns dns) {
    java.util.List<DomainName> names = settings.smtpCanary().stream().map(DomainName::of).toList();
    reach = SmtpCanary.check(dns, smtp, guard, names, settings.smtpPort());
    if (reach.state() == SmtpCanary.State.BLOCKED) {
      prober.skipAll(Skip.PORT_BLOCKED, "not tested: port " + settings.smtpPort() + " blocked from this network");
    }
    return reach;
  }

  SmtpCanary.Reach reach() {
    return reach;
  }

  TargetPolicy guard() {
    return guard;
  }

  CertificateEvaluator certificates() {
    return certificates;
  }

  MxProbes prober() {
    return prober;
  }

  PolicyFetcher fetcher() {
    return fetcher;
  }

  AccessProbes access() {
    return access;
  }

  @Override
  public void close() {
    smtpPool.shutdownNow();
    httpsPool.shutdownNow();
    accessPool.shutdownNow();
  }

  static TargetPolicy guard(TransportSettings s) {
    if (!s.allowTargets().isEmpty()) {
      return TargetPolicy.only(s.allowTargets().stream().map(CidrRange::parse).toList());
    }
    return s.allowPrivateTargets() ? TargetPolicy.includingPrivate() : TargetPolicy.publicOnly();
  }

  /** The JDK's anchors plus --trust-ca; the command line has read the files once already. */
  static TrustMaterial trust(TransportSettings s) {
    if (s.trustCa().isEmpty()) {
      return TrustMaterial.jdkDefaults();
    }
    try {
      return TrustMaterial.withExtra(s.trustCa());
    } catch (TrustMaterialException e) {
      throw new IllegalStateException("--trust-ca: " + e.getMessage(), e);
    }
  }
}
