package io.mailsweep.net.dns;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.dnssec.ValidatingResolver;

/**
 * The head resolver under dnsjava's {@link ValidatingResolver}. The validator turns every reply it
 * cannot classify, a resolver's SERVFAIL or REFUSED included, into a "bogus" SERVFAIL; the gate
 * instead fails the future with {@link UpstreamFailure} when the reply to a question we asked
 * ourselves carries an error RCODE, so it is reported as the resolver's failure. The validator's
 * own DS and DNSKEY questions pass through untouched: a failure there stays bogus, never insecure.
 * Every query, ours and the validator's, is put on the wire in its slot of the upstream's pacer.
 */
final class UpstreamGate implements Resolver {
  /** A question we sent, as the validator's copy of it still shows: same ID, name and type. */
  private record Asked(int id, Name name, int type) {
    static Asked of(Message query) {
      Record q = query.getQuestion();
      return new Asked(query.getHeader().getID(), q.getName(), q.getType());
    }
  }

  private final SimpleResolver upstream;
  private final QueryPacer pacer;
  private final Set<Asked> asked = ConcurrentHashMap.newKeySet();

  UpstreamGate(SimpleResolver upstream, QueryPacer pacer) {
    this.upstream = upstream;
    this.pacer = pacer;
  }

  /** Sends {@code query} through {@code validator} (which sits on this gate), watching its reply. */
  CompletableFuture<Message> send(ValidatingResolver validator, Message query, Executor executor) {
    Asked key = Asked.of(query);
    asked.add(key);
    return validator.sendAsync(query, executor).toCompletableFuture().whenComplete((m, e) -> asked.remove(key));
  }

  @Override
  public CompletionStage<Message> sendAsync(Message query, Executor executor) {
    return gated(query, pacer.submit(() -> upstream.sendAsync(query, executor).toCompletableFuture()));
  }

  @Override
  public CompletionStage<Message> sendAsync(Message query) {
    return gated(query, pacer.submit(() -> upstream.sendAsync(query).toCompletableFuture()));
  }

  private CompletionStage<Message> gated(Message query, CompletionStage<Message> replied) {
    boolean ours = asked.contains(Asked.of(query));
    return replied.thenApply(reply -> {
      int rcode = reply.getRcode();
      if (ours && rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
        throw new CompletionException(new UpstreamFailure(rcode));
      }
      return reply;
    });
  }

  @Override
  public void setPort(int port) {
    upstream.setPort(port);
  }

  @Override
  public void setTCP(boolean flag) {
    upstream.setTCP(flag);
  }

  @Override
  public void setIgnoreTruncation(boolean flag) {
    upstream.setIgnoreTruncation(flag);
  }

  @Override
  public void setEDNS(int version, int payloadSize, int flags, List<EDNSOption> options) {
    upstream.setEDNS(version, payloadSize, flags, options);
  }

  @Override
  public void setTSIGKey(TSIG key) {
    upstream.setTSIGKey(key);
  }

  @Override
  public void setTimeout(Duration timeout) {
    upstream.setTimeout(timeout);
  }

  @Override
  public Duration getTimeout() {
    return upstream.getTimeout();
  }
}
