package io.mailsweep.check.mtasts;

import io.mailsweep.domain.DomainName;
import io.mailsweep.net.TargetGuard;
import io.mailsweep.net.dns.Dns;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.RecordType;
import io.mailsweep.net.https.PolicyFetcher;
import io.mailsweep.net.https.PolicyRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Finds and fetches the policy of {@code mta-sts.<domain>} (RFC 8461 §3.3): its A and AAAA
 * records through our own DNS, each address put to the target guard (a refused address is
 * recorded, never contacted), then one fetch from the first allowed address, and from the next
 * only when a fetch could not test the server (connect failure, timeout).
 */
final class PolicyRetriever {
  /** Allowed addresses tried per policy host: enough for an IPv4 and an IPv6 address. */
  static final int MAX_ATTEMPTS = 2;

  static final String HOST_PREFIX = "mta-sts";

  private final Dns dns;
  private final TargetGuard guard;
  private final PolicyFetcher fetcher;
  private final int port;

  PolicyRetriever(Dns dns, TargetGuard guard, PolicyFetcher fetcher, int port) {
    this.dns = dns;
    this.guard = guard;
    this.fetcher = fetcher;
    this.port = port;
  }

  /** The retrieval, or null when {@code mta-sts.<domain>} would be longer than a name may be. */
  CompletableFuture<PolicyRetrieval> retrieve(DomainName domain) {
    String name = HOST_PREFIX + "." + domain.text();
    if (DomainName.problem(name) != null) {
      return CompletableFuture.completedFuture(null);
    }
    DomainName host = DomainName.of(name);
    return dns.query(host, RecordType.A)
        .thenCombine(dns.query(host, RecordType.AAAA), (a, aaaa) -> plan(host, a, aaaa))
        .thenCompose(plan -> attempt(plan, 0));
  }

  /** The answers, with every address put to the guard. */
  private Plan plan(DomainName host, DnsAnswer a, DnsAnswer aaaa) {
    Plan plan = new Plan(host, a, aaaa);
    guard.sort(List.of(a, aaaa), plan.allowed,
        (address, refusal) -> plan.refused.add(new PolicyRetrieval.Refused(address, refusal)));
    return plan;
  }

  private CompletableFuture<PolicyRetrieval> attempt(Plan plan, int index) {
    boolean settled = !plan.attempts.isEmpty()
        && plan.attempts.get(plan.attempts.size() - 1).result().outcome().conclusive();
    if (settled || index >= Math.min(plan.allowed.size(), MAX_ATTEMPTS)) {
      return CompletableFuture.completedFuture(new PolicyRetrieval(plan.host, plan.a, plan.aaaa, plan.refused,
          plan.attempts));
    }
    InetAddress ip = plan.allowed.get(index);
    PolicyRequest request = PolicyRequest.mtaSts(plan.host, ip, port);
    return fetcher.fetch(request).thenCompose(result -> {
      plan.attempts.add(new PolicyRetrieval.Attempt(ip.getHostAddress(), request.url(), result));
      return attempt(plan, index + 1);
    });
  }

  /** The addresses of one policy host and the fetches made so far; confined to one chain of stages. */
  private static final class Plan {
    private final DomainName host;
    private final DnsAnswer a;
    private final DnsAnswer aaaa;
    private final List<PolicyRetrieval.Refused> refused = new ArrayList<>();
    private final List<InetAddress> allowed = new ArrayList<>();
    private final List<PolicyRetrieval.Attempt> attempts = new ArrayList<>();

    Plan(DomainName host, DnsAnswer a, DnsAnswer aaaa) {
      this.host = host;
      this.a = a;
      this.aaaa = aaaa;
    }
  }
}
