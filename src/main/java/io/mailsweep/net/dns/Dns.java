package io.mailsweep.net.dns;

import io.mailsweep.domain.DomainName;
import java.util.concurrent.CompletableFuture;

/**
 * The only way checks reach DNS. Implementations never complete exceptionally for DNS-level
 * outcomes: SERVFAIL, timeouts and network errors are statuses of the returned answer.
 */
public interface Dns {
  CompletableFuture<DnsAnswer> query(DomainName name, RecordType type);
}
