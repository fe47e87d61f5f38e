package io.mailsweep.net.dns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.xbill.DNS.Message;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.dnssec.ValidatingResolver;
import org.xbill.DNS.io.IoClientFactory;

/**
 * One configured resolver as the adapter asks it: directly, or through dnsjava's DNSSEC validator
 * (RFC 4035 §5) holding the run's trust anchors. Each validating upstream keeps its own key cache.
 * Every query put on the wire to it, the validator's own included, passes its {@link QueryPacer}.
 */
final class Upstream {
  /** EDNS payload size offered (the DNS Flag Day 2020 value); larger replies come over TCP. */
  static final int EDNS_PAYLOAD = 1232;

  private final SimpleResolver resolver;
  private final QueryPacer pacer;
  private final UpstreamGate gate;
  private final ValidatingResolver validator;
  private final String label;

  private Upstream(SimpleResolver resolver, QueryPacer pacer, UpstreamGate gate, ValidatingResolver validator) {
    this.resolver = resolver;
    this.pacer = pacer;
    this.gate = gate;
    this.validator = validator;
    InetSocketAddress a = resolver.getAddress();
    this.label = a.getAddress().getHostAddress() + (a.getPort() == 53 ? "" : ":" + a.getPort());
  }

  /** @param io the transport shared by a run's upstreams; null for dnsjava's default */
  static Upstream plain(InetSocketAddress address, Duration timeout, QueryPacer pacer, IoClientFactory io) {
    return new Upstream(simple(address, timeout, io), pacer, null, null);
  }

  /**
   * @param anchors DS or DNSKEY records in zone-file syntax
   * @throws IOException when the anchors do not parse
   */
  static Upstream validating(
      InetSocketAddress address, Duration timeout, QueryPacer pacer, IoClientFactory io, byte[] anchors)
      throws IOException {
    SimpleResolver resolver = simple(address, timeout, io);
    UpstreamGate gate = new UpstreamGate(resolver, pacer);
    ValidatingResolver validator = new ValidatingResolver(gate);
    validator.loadTrustAnchors(new ByteArrayInputStream(anchors));
    validator.setEDNS(0, EDNS_PAYLOAD, 0, List.of());
    return new Upstream(resolver, pacer, gate, validator);
  }

  private static SimpleResolver simple(InetSocketAddress address, Duration timeout, IoClientFactory io) {
    SimpleResolver resolver = new SimpleResolver(address);
    if (io != null) {
      resolver.setIoClientFactory(io);
    }
    resolver.setTimeout(timeout);
    resolver.setEDNS(0, EDNS_PAYLOAD, 0, List.of());
    return resolver;
  }

  /**
   * The reply, validated when this upstream validates: then AD is set only on secure replies, and
   * a bogus reply comes back as SERVFAIL with the validator's reason (see {@link DnssecReplies}).
   */
  CompletableFuture<Message> send(Message query, Executor executor) {
    return validator == null
        ? pacer.submit(() -> resolver.sendAsync(query, executor).toCompletableFuture())
        : gate.send(validator, query, executor);
  }

  boolean validating() {
    return validator != null;
  }

  Duration timeout() {
    return resolver.getTimeout();
  }

  /** The resolver's address for details: {@code 192.0.2.53}, or with the port when not 53. */
  String label() {
    return label;
  }
}
