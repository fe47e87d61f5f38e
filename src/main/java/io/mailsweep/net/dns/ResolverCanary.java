package io.mailsweep.net.dns;

import io.mailsweep.domain.DomainName;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Asks for names that must exist before a run, so that a resolver which cannot see the internet
 * (a sandbox, a broken split-horizon set-up) is noticed instead of reporting every vendor as
 * having no records.
 */
public final class ResolverCanary {
  private ResolverCanary() {}

  public static CompletableFuture<ResolverHealth> probe(Dns dns, List<DomainName> names) {
    if (names.isEmpty()) {
      return CompletableFuture.completedFuture(ResolverHealth.notChecked());
    }
    List<CompletableFuture<DnsAnswer>> answers = new ArrayList<>();
    for (DomainName name : names) {
      answers.add(dns.query(name, RecordType.A));
    }
    return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
        .thenApply(ignored -> judge(answers.stream().map(CompletableFuture::join).toList()));
  }

  static ResolverHealth judge(List<DnsAnswer> answers) {
    for (DnsAnswer a : answers) {
      if (a.status() == DnsStatus.NXDOMAIN || a.status() == DnsStatus.NODATA) {
        return new ResolverHealth(
            ResolverHealth.State.BLIND,
            "the resolver denies the canary name " + a.name() + " (" + a.status()
                + "), so it cannot see the internet; its negative answers are not evidence");
      }
    }
    List<DnsAnswer> failed = answers.stream().filter(a -> a.status() != DnsStatus.ANSWER).toList();
    if (failed.size() == answers.size()) {
      return new ResolverHealth(
          ResolverHealth.State.UNREACHABLE, "no canary name resolved: " + failed.get(0).describe());
    }
    List<String> names = answers.stream().map(a -> a.name().text()).toList();
    return new ResolverHealth(ResolverHealth.State.OK, "canary resolved: " + String.join(", ", names));
  }
}
