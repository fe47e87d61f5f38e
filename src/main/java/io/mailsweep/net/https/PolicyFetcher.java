package io.mailsweep.net.https;

import java.util.concurrent.CompletableFuture;

/**
 * The only way checks fetch policies over HTTPS (MTA-STS, RFC 8461 §3.3): one bounded GET of one
 * path from one already resolved and approved address. Redirects are never followed and nothing
 * is cached. The future never completes exceptionally for anything the network or the server did:
 * that is the result's {@link FetchOutcome}.
 */
public interface PolicyFetcher {
  CompletableFuture<FetchResult> fetch(PolicyRequest request);
}
