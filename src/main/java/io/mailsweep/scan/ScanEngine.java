package io.mailsweep.scan;

import io.mailsweep.net.dns.CachingDns;
import io.mailsweep.net.dns.Dns;
import io.mailsweep.net.dns.DnsSettings;
import io.mailsweep.net.dns.DnsjavaDns;
import io.mailsweep.net.dns.GuardedDns;
import io.mailsweep.net.dns.ResolverCanary;
import io.mailsweep.net.dns.ResolverHealth;
import io.mailsweep.net.dns.RetryingDns;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The run-wide machinery behind the checks: the one place that owns the scan's threads, the DNS
 * stack (adapter → retries → run cache → canary guard) and the domain scanner. One engine serves
 * every partition of a run, so the cache, the in-flight cap and the resolvers' rate caps are
 * shared. The timer thread runs retries' backoff, the progress line and the queries released by a
 * rate cap.
 */
public final class ScanEngine implements AutoCloseable {
  /** Threads that complete DNS futures and run check logic; the work is CPU-light. */
  private static final int CALLBACK_THREADS = 2;

  private final ScanSettings settings;
  private final ExecutorService callbacks;
  private final ScheduledExecutorService timer;
  private final CachingDns cache;
  private final ResolverHealth health;
  private final DomainScanner scanner;
  private final TransportStack transport;
  /** The dnsjava adapters, whose shared UDP sockets close with the engine. */
  private final List<DnsjavaDns> adapters = new ArrayList<>();
  private volatile ProgressMeter progress = new ProgressMeter("scan", 0, System.err);

  /** An engine for a run that this process scans alone. */
  public ScanEngine(ScanSettings settings) {
    this(settings, SharedProbes.LOCAL);
  }

  /** @param shared decides which of the run's processes probes each MX address */
  public ScanEngine(ScanSettings settings, SharedProbes shared) {
    this.settings = settings;
    this.callbacks = Executors.newFixedThreadPool(CALLBACK_THREADS, daemon("mailsweep-dns"));
    this.timer = Executors.newSingleThreadScheduledExecutor(daemon("mailsweep-timer"));
    TransportSettings t = settings.transport();
    DnsSettings dns = settings.dns().withDnssec(t.trustResolverAd(), t.dnssecTrustAnchor());
    Dns retrying = new RetryingDns(adapter(new DnsjavaDns(dns, callbacks, timer)), dns.retries(), dns.backoff(), timer);
    this.health = probe(retrying);
    this.cache = new CachingDns(retrying, dns.cacheEntries());
    Dns guarded = new GuardedDns(cache, health);
    // Trust store, TLS context and socket pools only for runs that contact servers.
    this.transport = settings.contactsServers()
        ? new TransportStack(t, shared, daemon("mailsweep-smtp"), daemon("mailsweep-https"),
            daemon("mailsweep-access"))
        : null;
    if (settings.probesMailServers() && health.state() == ResolverHealth.State.OK) {
      transport.checkSmtpReach(guarded);
    }
    CheckContext context = transport == null
        ? new CheckContext(guarded, guarded, settings.options(), null, null, null, null, null, Clock.systemUTC(),
            t.httpsPort(), t.smtpPort(), dns.dnssecConfigured())
        : new CheckContext(guarded, dnssec(dns, guarded), settings.options(), transport.prober(), transport.access(),
            transport.certificates(), transport.fetcher(), transport.guard(), Clock.systemUTC(),
            t.httpsPort(), t.smtpPort(), dns.dnssecConfigured());
    this.scanner = new DomainScanner(CheckCatalog.create(settings.checks(), context), settings.domainDeadline(),
        transportDeadlines(settings), settings.skipUnanswered() ? guarded : null);
  }

  /**
   * The DNS for DANE: with a trust anchor, a validating stack with a cache of its own (its answers
   * differ from the plain stack's for the same question); otherwise the run's DNS, whose answers are
   * authenticated only with --trust-resolver-ad.
   */
  private Dns dnssec(DnsSettings dns, Dns guarded) {
    if (dns.dnssecTrustAnchor() == null) {
      return guarded;
    }
    Dns validating =
        new RetryingDns(adapter(DnsjavaDns.validating(dns, callbacks, timer)), dns.retries(), dns.backoff(), timer);
    return new GuardedDns(new CachingDns(validating, dns.cacheEntries()), health);
  }

  private DnsjavaDns adapter(DnsjavaDns adapter) {
    adapters.add(adapter);
    return adapter;
  }

  private static Map<String, Duration> transportDeadlines(ScanSettings settings) {
    Map<String, Duration> out = new HashMap<>();
    for (String check : settings.checks()) {
      if (CheckCatalog.contactsServers(check)) {
        out.put(check, settings.transport().transportDeadline());
      }
    }
    return out;
  }

  /** What the SMTP canary found at the start of the run. */
  public SmtpCanary.Reach smtpReach() {
    return transport == null ? new SmtpCanary.Reach(SmtpCanary.State.OFF, "no SMTP check enabled") : transport.reach();
  }

  /** SMTP conversations started so far (each address once). */
  public long smtpProbes() {
    return transport == null ? 0 : transport.prober().probesStarted();
  }

  private ResolverHealth probe(Dns dns) {
    return ResolverCanary.probe(dns, settings.canaryNames()).join();
  }

  public ResolverHealth health() {
    return health;
  }

  public DomainScanner scanner() {
    return scanner;
  }

  public ScanSettings settings() {
    return settings;
  }

  public ScheduledExecutorService timer() {
    return timer;
  }

  /** Starts printing the scan's progress to standard error; replaces any earlier meter. */
  public ProgressMeter startProgress(long total) {
    progress.stop();
    ProgressMeter meter = new ProgressMeter("scan", total, System.err);
    meter.start(timer, settings.progressInterval());
    progress = meter;
    return meter;
  }

  /** The current scan's progress meter. */
  public ProgressMeter progress() {
    return progress;
  }

  public long cacheHits() {
    return cache.hits();
  }

  public long cacheMisses() {
    return cache.misses();
  }

  @Override
  public void close() {
    progress.stop();
    if (transport != null) {
      transport.close();
    }
    adapters.forEach(DnsjavaDns::close);
    callbacks.shutdownNow();
    timer.shutdownNow();
    try {
      callbacks.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
