package io.mailsweep.net.dns;

import io.mailsweep.domain.DomainName;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A run-wide answer cache, so that names many domains share (SPF includes, provider MX hosts) are
 * asked once. Questions in flight are shared too: concurrent askers get the same future. Bounded
 * by entry count, least recently used evicted first; TTLs are not honoured on purpose, since a
 * run is a snapshot and every domain in it should see the same answer for the same name.
 */
public final class CachingDns implements Dns {
  private record Key(DomainName name, RecordType type) {}

  private final Dns delegate;
  private final Map<Key, CompletableFuture<DnsAnswer>> cache;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  public CachingDns(Dns delegate, int maxEntries) {
    this.delegate = delegate;
    this.cache =
        new LinkedHashMap<>(1024, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, CompletableFuture<DnsAnswer>> eldest) {
            return size() > maxEntries;
          }
        };
  }

  @Override
  public CompletableFuture<DnsAnswer> query(DomainName name, RecordType type) {
    Key key = new Key(name, type);
    CompletableFuture<DnsAnswer> created;
    synchronized (cache) {
      CompletableFuture<DnsAnswer> cached = cache.get(key);
      if (cached != null) {
        hits.incrementAndGet();
        return cached;
      }
      created = new CompletableFuture<>();
      cache.put(key, created);
    }
    misses.incrementAndGet();
    delegate.query(name, type).whenComplete(Futures.into(created));
    return created;
  }

  public long hits() {
    return hits.get();
  }

  public long misses() {
    return misses.get();
  }
}
