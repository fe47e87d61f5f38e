package io.mailsweep.check.access;

import io.mailsweep.domain.DomainName;
import java.util.concurrent.CompletableFuture;

/**
 * Run-wide access to mail-access servers for the {@code access} check: each (host, address, port,
 * service) is probed at most once per run and the result shared by every domain whose SRV records
 * name it (hosting providers serve thousands of listed domains); addresses outside the allowed
 * targets are never contacted; the probes in flight are bounded. The future always completes
 * normally.
 */
public interface AccessProber {
  CompletableFuture<AccessObservation> probe(DomainName host, String address, int port, AccessService service);
}
