package io.mailsweep.check.transport;

import io.mailsweep.domain.DomainName;
import java.util.concurrent.CompletableFuture;

/**
 * Run-wide access to MX servers for the transport checks (STARTTLS, MTA-STS, DANE): each
 * (address, port) is probed at most once per run and the result shared, addresses outside the
 * allowed targets are never contacted, and the number of probes in flight is bounded. The future
 * always completes normally.
 */
public interface MxProber {
  CompletableFuture<ServerProbe> probe(DomainName host, String address);
}
