package io.mailsweep.check;

import java.util.concurrent.CompletableFuture;

/**
 * One e-mail security check. Implementations reach the network only through the ports given to
 * them, never block a calling thread, and never complete exceptionally for anything the network
 * did: DNS failures become {@link Status#INCONCLUSIVE} results with a reason.
 */
public interface Check {
  /** Stable lower-case name, used in {@code --checks}, the database and report headers. */
  String name();

  CompletableFuture<CheckResult> run(ScanTarget target);
}
