package io.mailsweep.check.e2ee;

import com.google.common.net.InetAddresses;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.TargetGuard;
import io.mailsweep.net.dns.Dns;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsStatus;
import io.mailsweep.net.dns.RecordType;
import io.mailsweep.net.https.PolicyFetcher;
import io.mailsweep.net.https.PolicyRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Finds a domain's WKD host and fetches from it with the safety of MTA-STS policy fetches: the
 * host's A and AAAA records through our own DNS, each address put to the target guard (a refused
 * address is recorded and never contacted), no redirect followed, the fetcher's size and time
 * bounds and strict certificate checks. One fetch per URL from the first allowed address, and from
 * the next only when a fetch could not test the server (connect failure, timeout).
 */
final class WkdClient {
  /** Allowed addresses tried per URL: enough for an IPv4 and an IPv6 address. */
  static final int MAX_ATTEMPTS = 2;

  private final Dns dns;
  private final TargetGuard guard;
  private final PolicyFetcher fetcher;
  private final int port;

  WkdClient(Dns dns, TargetGuard guard, PolicyFetcher fetcher, int port) {
    this.dns = dns;
    this.guard = guard;
    this.fetcher = fetcher;
    this.port = port;
  }

  /**
   * Draft-koch-openpgp-webkey-service §3.1: the advanced method when {@code openpgpkey.<domain>}
   * has an address; the direct method only when it has none ("a non-responding server does not
   * mean that the fall back should be carried out"), and then only if the domain has an address.
   */
  CompletableFuture<WkdHost> discover(DomainName domain) {
    String advanced = WkdMethod.SUBDOMAIN + "." + domain.text();
    if (DomainName.problem(advanced) != null) {
      return direct(domain, List.of());
    }
    DomainName host = DomainName.of(advanced);
    return addresses(host).thenCompose(answers -> {
      if (hasAddress(answers)) {
        return CompletableFuture.completedFuture(host(domain, WkdMethod.ADVANCED, host, answers, answers));
      }
      String failure = failure(answers);
      return failure == null ? direct(domain, answers)
          : CompletableFuture.completedFuture(new WkdHost(domain, null, null, answers, List.of(), List.of(), failure));
    });
  }

  private CompletableFuture<WkdHost> direct(DomainName domain, List<DnsAnswer> before) {
    return addresses(domain).thenApply(answers -> {
      List<DnsAnswer> all = new ArrayList<>(before);
      all.addAll(answers);
      if (hasAddress(answers)) {
        return host(domain, WkdMethod.DIRECT, domain, all, answers);
      }
      return new WkdHost(domain, null, null, all, List.of(), List.of(), failure(answers));
    });
  }

  /** The GET of {@code path} on the host, accepting any media type (§3.1: clients SHOULD). */
  CompletableFuture<WkdFetch> fetch(WkdHost host, String path) {
    String url = "https://" + host.host() + (port == PolicyRequest.DEFAULT_PORT ? "" : ":" + port) + path;
    return attempt(host, path, url, new ArrayList<>(), 0);
  }

  private CompletableFuture<WkdFetch> attempt(WkdHost host, String path, String url, List<WkdFetch.Attempt> done,
      int index) {
    boolean settled = !done.isEmpty() && done.get(done.size() - 1).result().outcome().conclusive();
    if (settled || index >= Math.min(host.allowed().size(), MAX_ATTEMPTS)) {
      return CompletableFuture.completedFuture(new WkdFetch(url, done));
    }
    InetAddress ip = host.allowed().get(index);
    PolicyRequest request = new PolicyRequest(host.host(), ip, port, path).acceptingAnyType();
    return fetcher.fetch(request).thenCompose(result -> {
      done.add(new WkdFetch.Attempt(InetAddresses.toAddrString(ip), result));
      return attempt(host, path, url, done, index + 1);
    });
  }

  private CompletableFuture<List<DnsAnswer>> addresses(DomainName name) {
    return dns.query(name, RecordType.A).thenCombine(dns.query(name, RecordType.AAAA), List::of);
  }

  /** The host with every address of {@code answers} put to the guard. */
  private WkdHost host(DomainName domain, WkdMethod method, DomainName host, List<DnsAnswer> lookups,
      List<DnsAnswer> answers) {
    List<WkdHost.Refused> refused = new ArrayList<>();
    List<InetAddress> allowed = new ArrayList<>();
    guard.sort(answers, allowed, (address, refusal) -> refused.add(new WkdHost.Refused(address, refusal)));
    return new WkdHost(domain, method, host, lookups, refused, allowed, null);
  }

  private static boolean hasAddress(List<DnsAnswer> answers) {
    return answers.stream().anyMatch(a -> a.status() == DnsStatus.ANSWER && !a.records().isEmpty());
  }

  /** The inconclusive lookups among {@code answers}, described, or null when all concluded. */
  private static String failure(List<DnsAnswer> answers) {
    List<String> failed = answers.stream().filter(a -> !a.status().conclusive()).map(DnsAnswer::describe).toList();
    return failed.isEmpty() ? null : String.join("; ", failed);
  }
}
