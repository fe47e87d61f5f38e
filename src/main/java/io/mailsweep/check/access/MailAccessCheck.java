package io.mailsweep.check.access;

import io.mailsweep.check.Check;
import io.mailsweep.check.CheckResult;
import io.mailsweep.check.ScanTarget;
import io.mailsweep.check.transport.CertificateEvaluator;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.Dns;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsRecord;
import io.mailsweep.net.dns.DnsStatus;
import io.mailsweep.net.dns.RecordType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The mail-access check (RFC 6186, RFC 8314): the domain's IMAP, POP3 and submission services as
 * its SRV records publish them, each published host's addresses probed through the run's {@link
 * AccessProber} (implicit TLS on {@code _imaps}, {@code _pop3s}, {@code _submissions}; STARTTLS on
 * {@code _imap}, {@code _pop3}, {@code _submission}), then judged by {@link AccessEvaluator}. No
 * credential is ever sent: the probe learns what the server offers and stops.
 *
 * <p>With {@code guessHosts}, a service without SRV records is tried at the usual host names too
 * ({@link AccessService#guesses}: {@code imap.}, {@code mail.}, {@code smtp.} under the domain, on
 * the service's standard port). A guessed host that does not exist or does not answer says
 * nothing; one that answers is judged like a published one and marked guessed.
 *
 * <p>Bounded per domain: at most {@code maxHostsPerService} targets of each service (lowest
 * priority value first) and {@code maxProbes} addresses in all; what is left out is said in the
 * summary.
 */
public final class MailAccessCheck implements Check {
  public static final String NAME = "access";
  /**
   * The result's attribute (a Domains column): the services that offer a way to log in before
   * TLS, {@code yes: imap, pop3}, or {@code no}; empty when no plaintext service was probed.
   */
  public static final String LOGIN_BEFORE_TLS = "Login before TLS";

  private final Dns dns;
  private final AccessProber prober;
  private final CertificateEvaluator certificates;
  private final Clock clock;
  private final int maxHostsPerService;
  private final int maxProbes;
  private final boolean guessHosts;

  public MailAccessCheck(Dns dns, AccessProber prober, CertificateEvaluator certificates, Clock clock,
      int maxHostsPerService, int maxProbes) {
    this(dns, prober, certificates, clock, maxHostsPerService, maxProbes, false);
  }

  /** As above; {@code guessHosts} also tries the usual host names of services without SRV records. */
  public MailAccessCheck(Dns dns, AccessProber prober, CertificateEvaluator certificates, Clock clock,
      int maxHostsPerService, int maxProbes, boolean guessHosts) {
    if (maxHostsPerService < 1 || maxProbes < 1) {
      throw new IllegalArgumentException("at least one host per service and one probe per domain");
    }
    this.dns = dns;
    this.prober = prober;
    this.certificates = certificates;
    this.clock = clock;
    this.maxHostsPerService = maxHostsPerService;
    this.maxProbes = maxProbes;
    this.guessHosts = guessHosts;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletableFuture<CheckResult> run(ScanTarget target) {
    DomainName domain = target.domain();
    Map<AccessService, CompletableFuture<DnsAnswer>> srv = new LinkedHashMap<>();
    for (AccessService service : AccessService.values()) {
      srv.put(service, dns.query(service.owner(domain), RecordType.SRV));
    }
    return CompletableFuture.allOf(srv.values().toArray(CompletableFuture[]::new))
        .thenCompose(ignored -> resolve(domain, srv.entrySet().stream()
            .map(e -> published(domain, e.getKey(), e.getValue().join())).toList()));
  }

  /** What one service's SRV answer publishes, targets in preference order and capped. */
  private Published published(DomainName domain, AccessService service, DnsAnswer answer) {
    DnsStatus status = answer.status();
    if (guessHosts && (status == DnsStatus.NXDOMAIN || status == DnsStatus.NODATA)) {
      int port = service.protocol().port(service.security());
      List<SrvTarget> guesses = service.guesses().stream().limit(maxHostsPerService)
          .map(label -> new SrvTarget(0, 0, port, domain.prepend(label))).toList();
      return new Published(service, answer, guesses, false, 0, 0, true);
    }
    List<SrvTarget> targets = new ArrayList<>();
    boolean notOffered = false;
    int unreadable = 0;
    if (answer.status() == DnsStatus.ANSWER) {
      for (DnsRecord r : answer.records()) {
        SrvTarget t = SrvTarget.parse(r);
        if (t != null) {
          targets.add(t);
        } else if (SrvTarget.notOffered(r)) {
          notOffered = true;
        } else {
          unreadable++;
        }
      }
    }
    targets.sort(Comparator.comparingInt(SrvTarget::priority).thenComparing(t -> -t.weight())
        .thenComparing(SrvTarget::host));
    int dropped = Math.max(0, targets.size() - maxHostsPerService);
    List<SrvTarget> kept = targets.stream().distinct().limit(maxHostsPerService).toList();
    return new Published(service, answer, kept, notOffered && targets.isEmpty(), dropped, unreadable, false);
  }

  private CompletableFuture<CheckResult> resolve(DomainName domain, List<Published> services) {
    Map<DomainName, CompletableFuture<HostAddresses>> hosts = new LinkedHashMap<>();
    for (Published p : services) {
      for (SrvTarget t : p.targets()) {
        hosts.computeIfAbsent(t.host(), h -> dns.query(h, RecordType.A)
            .thenCombine(dns.query(h, RecordType.AAAA), (a, aaaa) -> new HostAddresses(h, a, aaaa)));
      }
    }
    return CompletableFuture.allOf(hosts.values().toArray(CompletableFuture[]::new))
        .thenCompose(ignored -> probe(domain, services,
            hosts.values().stream().map(CompletableFuture::join).toList()));
  }

  private CompletableFuture<CheckResult> probe(DomainName domain, List<Published> services,
      List<HostAddresses> addresses) {
    Map<DomainName, HostAddresses> byHost = new LinkedHashMap<>();
    addresses.forEach(h -> byHost.put(h.host(), h));
    List<CompletableFuture<AccessObservation>> probes = new ArrayList<>();
    int left = 0;
    for (Published p : services) {
      for (SrvTarget t : p.targets()) {
        for (String address : byHost.get(t.host()).addresses()) {
          if (probes.size() < maxProbes) {
            probes.add(prober.probe(t.host(), address, t.port(), p.service()));
          } else {
            left++;
          }
        }
      }
    }
    int notProbed = left;
    return CompletableFuture.allOf(probes.toArray(CompletableFuture[]::new))
        .thenApply(ignored -> new AccessEvaluator(certificates, clock.instant()).evaluate(domain, services,
            addresses, probes.stream().map(CompletableFuture::join).toList(), notProbed, maxProbes));
  }

  /**
   * One service's SRV answer read.
   *
   * @param targets the targets followed, in preference order
   * @param notOffered whether the only target is {@code .}
   * @param dropped targets beyond the cap, not followed
   * @param unreadable records that are not SRV data this check can read
   * @param guessed whether the targets are guessed host names, the service having no SRV record
   */
  record Published(AccessService service, DnsAnswer answer, List<SrvTarget> targets, boolean notOffered,
      int dropped, int unreadable, boolean guessed) {
    /** Whether the domain published anything for the service (a guess is not a publication). */
    boolean published() {
      return !guessed && (!targets.isEmpty() || notOffered || unreadable > 0);
    }
  }

  /** The address answers for one SRV target host. */
  record HostAddresses(DomainName host, DnsAnswer a, DnsAnswer aaaa) {
    List<String> addresses() {
      List<String> out = new ArrayList<>();
      for (DnsAnswer answer : List.of(a, aaaa)) {
        if (answer.status() == DnsStatus.ANSWER) {
          answer.records().forEach(r -> out.add(r.data()));
        }
      }
      return out;
    }

    /** Whether both lookups answered and neither with an address. */
    boolean provenEmpty() {
      return addresses().isEmpty() && a.status().conclusive() && aaaa.status().conclusive();
    }
  }
}
