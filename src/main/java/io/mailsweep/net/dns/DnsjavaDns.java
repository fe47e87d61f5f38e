package io.mailsweep.net.dns;

import io.mailsweep.domain.DomainName;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;

/**
 * The dnsjava adapter: one try of one question against one resolver per call, asynchronous, with
 * a global cap on questions in flight. Retries, caching and the canary guard are decorators
 * around it. This is the only class that touches dnsjava.
 */
public final class DnsjavaDns implements Dns {
  private final List<SimpleResolver> resolvers;
  private final Executor executor;
  private final AsyncLimiter inFlight;
  private final int maxCnameHops;
  private final AtomicInteger next = new AtomicInteger();

  public DnsjavaDns(DnsSettings settings, Executor executor) {
    this.resolvers = new ArrayList<>();
    for (InetSocketAddress address : settings.resolvers()) {
      SimpleResolver resolver = new SimpleResolver(address);
      resolver.setTimeout(settings.timeout());
      resolver.setEDNS(0, 1232, 0, List.of());
      resolvers.add(resolver);
    }
    this.executor = executor;
    this.inFlight = new AsyncLimiter(settings.maxInFlight());
    this.maxCnameHops = settings.maxCnameHops();
  }

  @Override
  public CompletableFuture<DnsAnswer> query(DomainName name, RecordType type) {
    return follow(name, name, type, new ArrayList<>(), new ArrayList<>(), false);
  }

  /** Questions sent and not yet answered. */
  public int inFlight() {
    return inFlight.running();
  }

  private CompletableFuture<DnsAnswer> follow(
      DomainName asked,
      DomainName target,
      RecordType type,
      List<String> chain,
      List<DnsRecord> records,
      boolean truncatedSoFar) {
    Message query;
    try {
      query = Message.newQuery(Record.newRecord(Name.fromString(escape(target.text()) + "."), type.code(), DClass.IN));
    } catch (TextParseException e) {
      return CompletableFuture.completedFuture(
          DnsAnswer.failure(asked, type, DnsStatus.ERROR, "unusable name: " + e.getMessage()));
    }
    SimpleResolver resolver = resolvers.get(Math.floorMod(next.getAndIncrement(), resolvers.size()));
    return inFlight
        .submit(() -> resolver.sendAsync(query, executor).toCompletableFuture())
        .handle(
            (response, error) -> {
              if (error != null) {
                return CompletableFuture.completedFuture(failure(asked, type, resolver, error));
              }
              return interpret(asked, target, type, chain, records, truncatedSoFar, response, resolver);
            })
        .thenCompose(f -> f);
  }

  private CompletableFuture<DnsAnswer> interpret(
      DomainName asked,
      DomainName target,
      RecordType type,
      List<String> chain,
      List<DnsRecord> records,
      boolean truncatedSoFar,
      Message response,
      SimpleResolver resolver) {
    boolean truncated = truncatedSoFar || response.numBytes() > 512;
    int rcode = response.getRcode();
    if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
      DnsStatus status =
          switch (rcode) {
            case Rcode.SERVFAIL -> DnsStatus.SERVFAIL;
            case Rcode.REFUSED -> DnsStatus.REFUSED;
            default -> DnsStatus.ERROR;
          };
      return done(asked, type, status, records, chain, Rcode.string(rcode) + " from " + describe(resolver), truncated);
    }
    AnswerWalk walk = AnswerWalk.of(response, target, type.code(), maxCnameHops - chain.size());
    List<DnsRecord> found = new ArrayList<>(records);
    walk.records().forEach(r -> found.add(RecordMapper.toRecord(r, type)));
    List<String> newChain = new ArrayList<>(chain);
    newChain.addAll(walk.aliases());
    if (walk.loop()) {
      return done(asked, type, DnsStatus.ERROR, found, newChain, "CNAME loop or chain over " + maxCnameHops + " hops", truncated);
    }
    if (!walk.records().isEmpty()) {
      return done(asked, type, DnsStatus.ANSWER, found, newChain, null, truncated);
    }
    if (rcode == Rcode.NXDOMAIN) {
      return done(asked, type, DnsStatus.NXDOMAIN, found, newChain, "NXDOMAIN from " + describe(resolver), truncated);
    }
    if (walk.unresolvedAlias() != null && newChain.size() < maxCnameHops) {
      DomainName alias = DomainName.of(walk.unresolvedAlias());
      return follow(asked, alias, type, newChain, found, truncated);
    }
    return done(asked, type, DnsStatus.NODATA, found, newChain, "no " + type + " record", truncated);
  }

  /** A backslash in a name is an octet, not the start of a master-file escape. */
  private static String escape(String name) {
    return name.replace("\\", "\\\\");
  }

  private static CompletableFuture<DnsAnswer> done(
      DomainName name,
      RecordType type,
      DnsStatus status,
      List<DnsRecord> records,
      List<String> chain,
      String detail,
      boolean truncated) {
    return CompletableFuture.completedFuture(
        new DnsAnswer(name, type, status, records, chain, detail, truncated, 1));
  }

  private static DnsAnswer failure(
      DomainName name, RecordType type, SimpleResolver resolver, Throwable error) {
    boolean timeout = Failures.isTimeout(error);
    DnsStatus status = timeout ? DnsStatus.TIMEOUT : DnsStatus.ERROR;
    String detail =
        timeout
            ? "no answer from " + describe(resolver) + " within " + resolver.getTimeout().toMillis() + " ms"
            : Failures.describe(error) + " (" + describe(resolver) + ")";
    return DnsAnswer.failure(name, type, status, detail);
  }

  private static String describe(SimpleResolver resolver) {
    InetSocketAddress a = resolver.getAddress();
    return a.getAddress().getHostAddress() + (a.getPort() == 53 ? "" : ":" + a.getPort());
  }
}
