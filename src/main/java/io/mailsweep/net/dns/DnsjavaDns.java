package io.mailsweep.net.dns;

import io.mailsweep.domain.DomainName;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.io.IoClientFactory;

/**
 * The dnsjava adapter: one try of one question against one resolver per call, asynchronous, with
 * a global cap on questions in flight and a cap on queries per second for each resolver ({@link
 * DnsSettings#queryRate()}, paced by {@link QueryPacer}). Retries, caching and the canary guard
 * are decorators around it. This class and its package-private helpers are the only code that touches dnsjava.
 * Its resolvers share one {@link PooledUdpClient} (unless {@link DnsSettings#udpPool()} is null),
 * which {@link #close()} closes.
 *
 * <p>DNSSEC: a plain adapter authenticates nothing, unless {@link DnsSettings#trustResolverAd()}
 * says the resolvers validate, when their AD bit is believed. {@link #validating} builds an adapter
 * that validates every answer itself from the configured trust anchors; a bogus answer is then
 * {@link DnsStatus#BOGUS}, never an insecure one. An answer reached through CNAMEs is
 * authenticated only when every step was.
 */
public final class DnsjavaDns implements Dns, AutoCloseable {
  private final List<Upstream> upstreams;
  private final Executor executor;
  private final AsyncLimiter inFlight;
  private final int maxCnameHops;
  private final boolean trustAd;
  private final AtomicInteger next = new AtomicInteger();
  private final PooledUdpClient udp;

  /** The progress of one question along its CNAME chain. */
  private record Chase(
      DomainName asked, RecordType type, List<String> chain, List<DnsRecord> records,
      boolean truncated, boolean authenticated) {}

  /** An adapter whose paced queries wait on the JDK's shared delay scheduler. */
  public DnsjavaDns(DnsSettings settings, Executor executor) {
    this(settings, executor, udpClient(settings), delayedOn(executor));
  }

  /**
   * @param executor completes the futures of the answers
   * @param timer the single scheduler thread that starts queries which wait for their resolver's
   *     rate cap
   */
  public DnsjavaDns(DnsSettings settings, Executor executor, ScheduledExecutorService timer) {
    this(settings, executor, udpClient(settings), QueryPacer.Scheduler.of(timer));
  }

  private DnsjavaDns(DnsSettings settings, Executor executor, PooledUdpClient udp, QueryPacer.Scheduler scheduler) {
    this(settings, executor, udp, plain(settings, scheduler, udp));
  }

  private DnsjavaDns(DnsSettings settings, Executor executor, PooledUdpClient udp, List<Upstream> upstreams) {
    this.upstreams = List.copyOf(upstreams);
    this.executor = executor;
    this.udp = udp;
    this.inFlight = new AsyncLimiter(settings.maxInFlight());
    this.maxCnameHops = settings.maxCnameHops();
    this.trustAd = settings.trustResolverAd();
  }

  /**
   * An adapter that validates DNSSEC itself (RFC 4035 §5, dnsjava's {@code ValidatingResolver})
   * from the DS or DNSKEY records of {@link DnsSettings#dnssecTrustAnchor()}: secure answers are
   * authenticated, bogus ones {@link DnsStatus#BOGUS} with the reason, insecure ones not
   * authenticated. It has its own key cache per resolver; give it its own answer cache too.
   *
   * @throws IllegalArgumentException when no trust anchor file is configured, or it cannot be read
   *     or parsed
   */
  public static DnsjavaDns validating(DnsSettings settings, Executor executor) {
    return validating(settings, executor, delayedOn(executor));
  }

  /** As {@link #validating(DnsSettings, Executor)}, with paced queries started on {@code timer}. */
  public static DnsjavaDns validating(DnsSettings settings, Executor executor, ScheduledExecutorService timer) {
    return validating(settings, executor, QueryPacer.Scheduler.of(timer));
  }

  private static DnsjavaDns validating(DnsSettings settings, Executor executor, QueryPacer.Scheduler scheduler) {
    Path file = settings.dnssecTrustAnchor();
    if (file == null) {
      throw new IllegalArgumentException("a validating resolver needs a DNSSEC trust anchor file");
    }
    List<Upstream> upstreams = new ArrayList<>();
    PooledUdpClient udp = udpClient(settings);
    try {
      byte[] anchors = Files.readAllBytes(file);
      for (InetSocketAddress address : settings.resolvers()) {
        upstreams.add(Upstream.validating(address, settings.timeout(), pacer(settings, address, scheduler),
            io(udp), anchors));
      }
    } catch (IOException | RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace("<none>:", "line ");
      throw new IllegalArgumentException("cannot load the DNSSEC trust anchors (DS or DNSKEY records in zone-file"
          + " syntax) from " + file + ": " + why, e);
    }
    return new DnsjavaDns(settings, executor, udp, upstreams);
  }

  private static List<Upstream> plain(DnsSettings settings, QueryPacer.Scheduler scheduler, PooledUdpClient udp) {
    return settings.resolvers().stream()
        .map(a -> Upstream.plain(a, settings.timeout(), pacer(settings, a, scheduler), io(udp)))
        .toList();
  }

  /** One UDP client for all of an adapter's resolvers; it opens its sockets on the first query. */
  private static PooledUdpClient udpClient(DnsSettings settings) {
    return settings.udpPool() == null ? null : new PooledUdpClient(settings.udpPool());
  }

  private static IoClientFactory io(PooledUdpClient udp) {
    return udp == null ? null : new PooledIoClientFactory(udp);
  }

  private static QueryPacer pacer(DnsSettings settings, InetSocketAddress resolver, QueryPacer.Scheduler scheduler) {
    int perSecond = settings.queryRate().forResolver(resolver.getAddress());
    return perSecond == 0 ? QueryPacer.unpaced() : new QueryPacer(perSecond, System::nanoTime, scheduler);
  }

  private static QueryPacer.Scheduler delayedOn(Executor executor) {
    return (task, delayNanos) ->
        CompletableFuture.delayedExecutor(delayNanos, TimeUnit.NANOSECONDS, executor).execute(task);
  }

  @Override
  public CompletableFuture<DnsAnswer> query(DomainName name, RecordType type) {
    return follow(name, new Chase(name, type, List.of(), List.of(), false, true));
  }

  /** Closes the shared UDP sockets; questions still on the wire fail as network errors. */
  @Override
  public void close() {
    if (udp != null) {
      udp.close();
    }
  }

  /** Questions sent and not yet answered. */
  public int inFlight() {
    return inFlight.running();
  }

  private CompletableFuture<DnsAnswer> follow(DomainName target, Chase so) {
    Message query;
    try {
      Name qname = Name.fromString(escape(target.text()) + ".");
      query = Message.newQuery(Record.newRecord(qname, so.type().code(), DClass.IN));
    } catch (TextParseException e) {
      return CompletableFuture.completedFuture(
          DnsAnswer.failure(so.asked(), so.type(), DnsStatus.ERROR, "unusable name: " + e.getMessage()));
    }
    if (trustAd) {
      // RFC 6840 §5.7: AD in a query asks a validating resolver to report AD in its reply.
      query.getHeader().setFlag(Flags.AD);
    }
    Upstream upstream = upstreams.get(Math.floorMod(next.getAndIncrement(), upstreams.size()));
    return inFlight
        .submit(() -> upstream.send(query, executor))
        .handle(
            (response, error) -> {
              if (error != null) {
                return CompletableFuture.completedFuture(failure(so.asked(), so.type(), upstream, error));
              }
              return interpret(target, so, response, upstream);
            })
        .thenCompose(f -> f);
  }

  private CompletableFuture<DnsAnswer> interpret(DomainName target, Chase so, Message response, Upstream upstream) {
    RecordType type = so.type();
    boolean truncated = so.truncated() || response.numBytes() > 512;
    boolean authenticated = so.authenticated() && (trustAd || upstream.validating())
        && DnssecReplies.authenticated(response);
    Chase now = new Chase(so.asked(), type, so.chain(), so.records(), truncated, authenticated);
    int rcode = response.getRcode();
    if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
      DnsStatus status = failedStatus(rcode, response, upstream);
      return done(now, status, so.records(), so.chain(), failedDetail(status, rcode, response, upstream));
    }
    AnswerWalk walk = AnswerWalk.of(response, target, type.code(), maxCnameHops - so.chain().size());
    List<DnsRecord> found = new ArrayList<>(so.records());
    walk.records().forEach(r -> found.add(RecordMapper.toRecord(r, type)));
    List<String> newChain = new ArrayList<>(so.chain());
    newChain.addAll(walk.aliases());
    if (walk.loop()) {
      return done(now, DnsStatus.ERROR, found, newChain, "CNAME loop or chain over " + maxCnameHops + " hops");
    }
    if (!walk.records().isEmpty()) {
      return done(now, DnsStatus.ANSWER, found, newChain, null);
    }
    if (rcode == Rcode.NXDOMAIN) {
      return done(now, DnsStatus.NXDOMAIN, found, newChain, "NXDOMAIN from " + upstream.label());
    }
    if (walk.unresolvedAlias() != null && newChain.size() < maxCnameHops) {
      DomainName alias = DomainName.of(walk.unresolvedAlias());
      return follow(alias, new Chase(so.asked(), type, newChain, found, truncated, authenticated));
    }
    return done(now, DnsStatus.NODATA, found, newChain, "no " + type + " record");
  }

  /** SERVFAIL is {@link DnsStatus#BOGUS} from our validator, or from a trusted one that says so. */
  private DnsStatus failedStatus(int rcode, Message response, Upstream upstream) {
    DnsStatus status = statusOf(rcode);
    boolean bogus = upstream.validating() || (trustAd && DnssecReplies.bogusByEde(response));
    return status == DnsStatus.SERVFAIL && bogus ? DnsStatus.BOGUS : status;
  }

  private static DnsStatus statusOf(int failedRcode) {
    return switch (failedRcode) {
      case Rcode.SERVFAIL -> DnsStatus.SERVFAIL;
      case Rcode.REFUSED -> DnsStatus.REFUSED;
      default -> DnsStatus.ERROR;
    };
  }

  private static String failedDetail(DnsStatus status, int rcode, Message response, Upstream upstream) {
    if (status == DnsStatus.BOGUS) {
      return "DNSSEC bogus: " + DnssecReplies.reason(response) + " (" + upstream.label() + ")";
    }
    return Rcode.string(rcode) + " from " + upstream.label();
  }

  /** A backslash in a name is an octet, not the start of a master-file escape. */
  private static String escape(String name) {
    return name.replace("\\", "\\\\");
  }

  private static CompletableFuture<DnsAnswer> done(
      Chase so, DnsStatus status, List<DnsRecord> records, List<String> chain, String detail) {
    boolean authenticated = so.authenticated() && status.conclusive();
    return CompletableFuture.completedFuture(
        new DnsAnswer(so.asked(), so.type(), status, records, chain, detail, so.truncated(), 1, authenticated));
  }

  private static DnsAnswer failure(DomainName name, RecordType type, Upstream upstream, Throwable error) {
    UpstreamFailure failed = Failures.upstreamFailure(error);
    if (failed != null) {
      return DnsAnswer.failure(name, type, statusOf(failed.rcode()), Rcode.string(failed.rcode()) + " from "
          + upstream.label());
    }
    boolean timeout = Failures.isTimeout(error);
    DnsStatus status = timeout ? DnsStatus.TIMEOUT : DnsStatus.ERROR;
    String detail =
        timeout
            ? "no answer from " + upstream.label() + " within " + upstream.timeout().toMillis() + " ms"
            : Failures.describe(error) + " (" + upstream.label() + ")";
    return DnsAnswer.failure(name, type, status, detail);
  }
}
