package io.mailsweep.net.dns;

import io.mailsweep.domain.DomainName;
import java.util.concurrent.CompletableFuture;

/**
 * Downgrades denials (NXDOMAIN, NODATA) to {@link DnsStatus#UNRELIABLE} when the canary found the
 * resolver blind, so that checks report "could not determine" rather than "no record".
 */
public final class GuardedDns implements Dns {
  private final Dns delegate;
  private final ResolverHealth health;

  public GuardedDns(Dns delegate, ResolverHealth health) {
    this.delegate = delegate;
    this.health = health;
  }

  @Override
  public CompletableFuture<DnsAnswer> query(DomainName name, RecordType type) {
    CompletableFuture<DnsAnswer> answer = delegate.query(name, type);
    if (health.state() != ResolverHealth.State.BLIND) {
      return answer;
    }
    return answer.thenApply(
        a -> a.status() == DnsStatus.NXDOMAIN || a.status() == DnsStatus.NODATA
            ? a.withStatus(DnsStatus.UNRELIABLE, a.status() + ", but " + health.detail())
            : a);
  }
}
