package io.mailsweep.check.spf.conformance;

import io.mailsweep.net.dns.Dns;
import io.mailsweep.net.dns.DnsSettings;
import io.mailsweep.net.dns.DnsjavaDns;
import io.mailsweep.testing.dns.LabDnsServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * One scenario's lab DNS server, started at its first use, and the production adapter pointed at
 * it: no retries and a short timeout, so that the suite's TIMEOUT names cost 200 ms each.
 */
final class ScenarioServer implements AutoCloseable {
  static final Duration QUERY_TIMEOUT = Duration.ofMillis(200);

  private final ScenarioZone zone;
  private final Path zoneFile;
  private final Executor executor;
  private LabDnsServer server;
  private Dns dns;

  ScenarioServer(ScenarioZone zone, Path zoneFile, Executor executor) {
    this.zone = zone;
    this.zoneFile = zoneFile;
    this.executor = executor;
  }

  ScenarioZone zone() {
    return zone;
  }

  synchronized Dns dns() throws IOException {
    if (dns == null) {
      server = zone.serve(zoneFile);
      dns = new DnsjavaDns(settings(server), executor);
    }
    return dns;
  }

  static DnsSettings settings(LabDnsServer server) {
    return new DnsSettings(
        List.of(server.socketAddress()), QUERY_TIMEOUT, 0, Duration.ofMillis(10), 100, 10_000, 8);
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
    }
  }
}
