package io.mailsweep.check.spf;

import io.mailsweep.domain.DomainName;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The optional per-domain probe: the addresses a vendor says it sends from (input column
 * {@code expected_senders}), each evaluated with check_host() for {@code postmaster@<domain>}.
 */
final class ExpectedSenders {
  static final String COLUMN = "expected_senders";
  /** Bounds the work one input cell can cause. */
  static final int MAX_ADDRESSES = 20;

  /** One listed address and its result; outcome is null when the text is not an IP address. */
  record Probe(String text, InetAddress ip, SpfOutcome outcome) {}

  private final SpfEvaluator evaluator;

  ExpectedSenders(SpfEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  CompletableFuture<List<Probe>> probe(DomainName domain, Optional<String> cell) {
    if (cell.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    List<CompletableFuture<Probe>> probes = new ArrayList<>();
    for (String text : cell.get().split("[,;\\s]+")) {
      if (text.isEmpty() || probes.size() >= MAX_ADDRESSES) {
        continue;
      }
      InetAddress ip = Addresses.literal(text);
      probes.add(ip == null
          ? CompletableFuture.completedFuture(new Probe(text, null, null))
          : evaluator.checkHost(new SpfRequest(ip, "postmaster@" + domain, domain.text(), "unknown"))
              .thenApply(outcome -> new Probe(text, ip, outcome)));
    }
    return CompletableFuture.allOf(probes.toArray(CompletableFuture[]::new))
        .thenApply(ignored -> probes.stream().map(CompletableFuture::join).toList());
  }
}
