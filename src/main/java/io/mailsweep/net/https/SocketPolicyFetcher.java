package io.mailsweep.net.https;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;

/**
 * The policy fetcher over a plain {@code SSLSocket}: one HTTP/1.1 GET with {@code Connection:
 * close} to the request's address, SNI and the Host header set to the policy host, and the
 * certificate validated by the given context with endpoint identification "HTTPS" (RFC 8461 §3.3,
 * RFC 6125 name checks). Not {@code java.net.http.HttpClient}: it resolves host names with the
 * system resolver, and JDK 17 has no hook to make it connect to the address our own resolver
 * returned and the target guard approved.
 *
 * <p>Each fetch blocks one thread of the executor for at most {@link
 * HttpsSettings#totalDeadline()}: a watchdog closes the socket when the deadline passes, whatever
 * the server is doing. The executor's owner bounds how many fetches run at once.
 */
public final class SocketPolicyFetcher implements PolicyFetcher {
  private final SSLContext context;
  private final HttpsSettings settings;
  private final Executor executor;

  /**
   * @param context the validating client context: the run's trust anchors (tests pass one trusting
   *     a test CA); its key managers are not used
   * @param executor runs the blocking exchanges
   */
  public SocketPolicyFetcher(SSLContext context, HttpsSettings settings, Executor executor) {
    this.context = Objects.requireNonNull(context, "context");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  @Override
  public CompletableFuture<FetchResult> fetch(PolicyRequest request) {
    return CompletableFuture.supplyAsync(() -> new HttpsExchange(context, settings, request).run(), executor);
  }
}
