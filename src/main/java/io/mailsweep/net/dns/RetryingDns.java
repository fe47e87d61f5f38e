package io.mailsweep.net.dns;

import io.mailsweep.domain.DomainName;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Asks again after SERVFAIL, timeouts and network errors, with exponential backoff and jitter, so
 * that one lost datagram is not reported as a finding. The answer records how many tries it took.
 */
public final class RetryingDns implements Dns {
  private final Dns delegate;
  private final int retries;
  private final Duration backoff;
  private final ScheduledExecutorService timer;

  public RetryingDns(Dns delegate, int retries, Duration backoff, ScheduledExecutorService timer) {
    this.delegate = delegate;
    this.retries = retries;
    this.backoff = backoff;
    this.timer = timer;
  }

  @Override
  public CompletableFuture<DnsAnswer> query(DomainName name, RecordType type) {
    return attempt(name, type, 1);
  }

  private CompletableFuture<DnsAnswer> attempt(DomainName name, RecordType type, int attempt) {
    return delegate
        .query(name, type)
        .thenCompose(
            answer -> {
              if (!answer.status().transientFailure() || attempt > retries) {
                return CompletableFuture.completedFuture(withTries(answer, attempt));
              }
              CompletableFuture<DnsAnswer> later = new CompletableFuture<>();
              timer.schedule(
                  () -> attempt(name, type, attempt + 1).whenComplete(Futures.into(later)),
                  delayMillis(attempt),
                  TimeUnit.MILLISECONDS);
              return later;
            });
  }

  private long delayMillis(int attempt) {
    long base = backoff.toMillis() << Math.min(attempt - 1, 16);
    return base + ThreadLocalRandom.current().nextLong(base / 4 + 1);
  }

  private static DnsAnswer withTries(DnsAnswer answer, int tries) {
    if (tries == 1) {
      return answer;
    }
    String detail = answer.status().transientFailure()
        ? answer.detail() + ", " + tries + " tries"
        : answer.detail();
    return answer.withAttempts(tries).withStatus(answer.status(), detail);
  }
}
