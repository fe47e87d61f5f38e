package io.mailsweep.testing.dns;

import io.mailsweep.net.dns.DnsSettings;
import io.mailsweep.net.dns.DnsjavaDns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The in-process DNS server on loopback serving zone texts, and the production dnsjava adapter
 * pointed at it: 200 ms per try, no retries, so injected timeouts end quickly.
 */
public final class LabDns implements AutoCloseable {
  private final LabDnsServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final DnsSettings settings;
  private final DnsjavaDns dns;

  private LabDns(LabDnsServer server) {
    this.server = server;
    this.settings = new DnsSettings(List.of(server.socketAddress()), Duration.ofMillis(200), 0,
        Duration.ofMillis(10), 100, 1000, 8);
    this.dns = new DnsjavaDns(settings, executor);
  }

  /** Serves each zone text (an RFC 1035 master file with its own $ORIGIN) from {@code dir}. */
  public static LabDns serve(Path dir, String... zones) throws IOException {
    for (int i = 0; i < zones.length; i++) {
      Files.writeString(dir.resolve("z" + i + ".zone"), zones[i]);
    }
    return new LabDns(LabDnsServer.start(dir));
  }

  /** Serves the zone files of {@code zonesDir} with the rules of {@code faultsFile}. */
  public static LabDns serve(Path zonesDir, Path faultsFile) throws IOException {
    return new LabDns(LabDnsServer.start(zonesDir, faultsFile));
  }

  /** The zone head every test zone starts with: SOA, NS and the name server's address. */
  public static String zone(String origin) {
    return "$ORIGIN " + origin + ".\n$TTL 300\n@ IN SOA ns." + origin + ". hostmaster." + origin
        + ". 1 3600 600 86400 60\n@ IN NS ns." + origin + ".\nns." + origin + ". IN A 127.0.0.1\n";
  }

  public DnsjavaDns dns() {
    return dns;
  }

  /**
   * An adapter that validates DNSSEC from the DS or DNSKEY records in {@code trustAnchorFile} (see
   * {@link SignedZone#trustAnchor()}), with the same timeouts; 1 s per try, since validation asks
   * for keys too.
   */
  public DnsjavaDns validating(Path trustAnchorFile) {
    DnsSettings v = new DnsSettings(settings.resolvers(), Duration.ofSeconds(1), 0, settings.backoff(),
        settings.maxInFlight(), settings.cacheEntries(), settings.maxCnameHops()).withDnssec(false, trustAnchorFile);
    return DnsjavaDns.validating(v, executor);
  }

  public LabDnsServer server() {
    return server;
  }

  @Override
  public void close() {
    server.close();
    executor.shutdownNow();
  }
}
