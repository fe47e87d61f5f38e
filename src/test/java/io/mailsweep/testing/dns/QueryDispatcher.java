package io.mailsweep.testing.dns;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * Turns one received packet into at most one reply: counts it, applies the fault rules and the
 * global latency, and hands the wire bytes to the transport's sink, later if delayed. Delayed
 * replies wait on a shared scheduler, at most {@code maxDelayed} at a time; past that they are
 * dropped, which a client sees as a timeout.
 */
final class QueryDispatcher {
  private final Responder responder;
  private final FaultRules faults;
  private final QueryCounters counters;
  private final ScheduledExecutorService scheduler;
  private final Semaphore delayed;
  private volatile Duration latency = Duration.ZERO;

  QueryDispatcher(
      Responder responder,
      FaultRules faults,
      QueryCounters counters,
      ScheduledExecutorService scheduler,
      int maxDelayed) {
    this.responder = responder;
    this.faults = faults;
    this.counters = counters;
    this.scheduler = scheduler;
    this.delayed = new Semaphore(maxDelayed);
  }

  void setLatency(Duration latency) {
    if (latency.isNegative()) {
      throw new IllegalArgumentException("negative latency " + latency);
    }
    this.latency = latency;
  }

  /** Never throws for bad input: unparsable packets get FORMERR when their header parses. */
  void handle(byte[] packet, Transport transport, Consumer<byte[]> sink) {
    Message query;
    try {
      query = new Message(packet);
    } catch (IOException | RuntimeException e) {
      Replies.formatError(packet).ifPresent(wire -> send(wire, 0, sink));
      return;
    }
    if (query.getHeader().getFlag(Flags.QR)) {
      return;
    }
    Optional<byte[]> invalid = invalid(query);
    if (invalid.isPresent()) {
      send(invalid.get(), 0, sink);
      return;
    }
    Record q = query.getQuestion();
    QueryKey key = new QueryKey(q.getName(), q.getType());
    counters.record(key, transport);
    faults
        .apply(key)
        .ifPresentOrElse(
            fault -> faulted(fault, query, transport, sink),
            () -> respond(responder.answer(query), query, transport, 0, sink));
  }

  private void faulted(Fault fault, Message query, Transport transport, Consumer<byte[]> sink) {
    switch (fault.effect()) {
      case TIMEOUT -> {}
      case SERVFAIL -> respond(Replies.error(query, Rcode.SERVFAIL), query, transport, 0, sink);
      case REFUSED -> respond(Replies.error(query, Rcode.REFUSED), query, transport, 0, sink);
      case TRUNCATE ->
          send(
              Replies.encode(responder.answer(query), query, transport, transport == Transport.UDP),
              0,
              sink);
      case DELAY -> respond(responder.answer(query), query, transport, fault.arg(), sink);
      case SERVFAIL_FIRST -> throw new IllegalStateException("FaultRules resolves " + fault);
    }
  }

  /** NOTIMP for opcodes other than QUERY, FORMERR for anything but exactly one question. */
  private static Optional<byte[]> invalid(Message query) {
    int rcode = Rcode.NOERROR;
    if (query.getHeader().getOpcode() != Opcode.QUERY) {
      rcode = Rcode.NOTIMP;
    } else if (query.getHeader().getCount(Section.QUESTION) != 1) {
      rcode = Rcode.FORMERR;
    }
    return rcode == Rcode.NOERROR
        ? Optional.empty()
        : Optional.of(Replies.error(query, rcode).toWire());
  }

  private void respond(
      Message reply, Message query, Transport transport, long extraMillis, Consumer<byte[]> sink) {
    send(Replies.encode(reply, query, transport, false), extraMillis, sink);
  }

  private void send(byte[] wire, long extraMillis, Consumer<byte[]> sink) {
    long millis = latency.toMillis() + extraMillis;
    if (millis <= 0) {
      sink.accept(wire);
      return;
    }
    if (!delayed.tryAcquire()) {
      return;
    }
    try {
      scheduler.schedule(() -> deliver(wire, sink), millis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closing) {
      delayed.release();
    }
  }

  private void deliver(byte[] wire, Consumer<byte[]> sink) {
    try {
      sink.accept(wire);
    } finally {
      delayed.release();
    }
  }
}
