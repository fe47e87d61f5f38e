package io.mailsweep.bench;

import io.mailsweep.check.CheckOptions;
import io.mailsweep.check.ScanTarget;
import io.mailsweep.check.dkim.DkimCheck;
import io.mailsweep.check.dkim.SelectorCatalogue;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.CachingDns;
import io.mailsweep.net.dns.DnsSettings;
import io.mailsweep.net.dns.DnsjavaDns;
import io.mailsweep.net.dns.RecordType;
import io.mailsweep.testing.dns.LabDnsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Timed harness, not a unit test: what the DKIM selector probe costs next to a DMARC lookup. N
 * domains are served by the in-process DNS server with a fixed reply latency (default 5 ms), each
 * with a DMARC record and one DKIM key; every round is a fresh run cache (CachingDns over the
 * dnsjava adapter, as the scan engine stacks them). For each domain it times one {@code _dmarc}
 * TXT lookup and one DKIM check (the {@code _domainkey} node, then a random selector and the whole
 * catalogue at once), one domain at a time; then it times all N DKIM checks in flight together.
 * Prints medians over domains and rounds.
 *
 * <pre>
 * mvn -q -o test-compile
 * mvn -q -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
 * java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
 *     io.mailsweep.bench.DkimBench [DOMAINS=200] [ROUNDS=5] [LATENCY_MS=5]
 * </pre>
 */
public final class DkimBench {
  private DkimBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int latency = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Path dir = Files.createTempDirectory("dkim-bench");
    Files.writeString(dir.resolve("bench.zone"), zone(n));
    ExecutorService callbacks = Executors.newFixedThreadPool(2);
    try (LabDnsServer server = LabDnsServer.start(dir)) {
      server.setLatency(Duration.ofMillis(latency));
      DnsSettings settings = new DnsSettings(List.of(server.socketAddress()), Duration.ofSeconds(2), 0,
          Duration.ofMillis(10), 256, 1_000_000, 8);
      System.out.printf(Locale.ROOT, "DKIM probe vs DMARC lookup: %d domains, %d rounds, %d ms server latency,"
          + " %d catalogue selectors, %s%n", n, rounds, latency, SelectorCatalogue.shipped().size(),
          System.getProperty("java.version"));
      List<Double> dmarc = new ArrayList<>();
      List<Double> dkim = new ArrayList<>();
      List<Double> batch = new ArrayList<>();
      long queries = 0;
      for (int r = 0; r <= rounds; r++) {
        server.resetCounters();
        CachingDns cache = new CachingDns(new DnsjavaDns(settings, callbacks), 1_000_000);
        DkimCheck check = new DkimCheck(cache, CheckOptions.DEFAULTS);
        List<Double> d1 = new ArrayList<>();
        List<Double> d2 = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          DomainName domain = DomainName.of("d" + i + ".bench.test");
          d1.add(millis(() -> cache.query(domain.prepend("_dmarc"), RecordType.TXT).join()));
          d2.add(millis(() -> check.run(ScanTarget.of(domain)).join()));
        }
        queries = server.totalQueries();
        CachingDns fresh = new CachingDns(new DnsjavaDns(settings, callbacks), 1_000_000);
        DkimCheck concurrent = new DkimCheck(fresh, CheckOptions.DEFAULTS);
        double all = millis(() -> {
          List<CompletableFuture<?>> running = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            running.add(concurrent.run(ScanTarget.of(DomainName.of("d" + i + ".bench.test"))));
          }
          CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        });
        if (r > 0) { // round 0 warms up the JIT and the sockets
          dmarc.addAll(d1);
          dkim.addAll(d2);
          batch.add(all);
        }
      }
      double mDmarc = median(dmarc);
      double mDkim = median(dkim);
      System.out.printf(Locale.ROOT, "  DMARC-only lookup   median %7.2f ms/domain%n", mDmarc);
      System.out.printf(Locale.ROOT, "  DKIM probe          median %7.2f ms/domain  (%.1fx DMARC)%n", mDkim,
          mDkim / mDmarc);
      System.out.printf(Locale.ROOT, "  queries per domain  %.1f (DMARC 1, DKIM the rest)%n", (double) queries / n);
      System.out.printf(Locale.ROOT, "  %d DKIM checks in flight together: median %.0f ms (%.2f ms/domain,"
          + " in-flight cap %d)%n", n, median(batch), median(batch) / n, settings.maxInFlight());
    } finally {
      callbacks.shutdownNow();
    }
  }

  private static String zone(int n) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String key = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
    StringBuilder z = new StringBuilder("$ORIGIN bench.test.\n$TTL 300\n@ IN SOA ns hostmaster 1 3600 600 86400 60\n"
        + "@ IN NS ns\nns IN A 127.0.0.1\n");
    for (int i = 0; i < n; i++) {
      z.append("_dmarc.d").append(i).append(" IN TXT \"v=DMARC1; p=reject\"\n");
      z.append("selector1._domainkey.d").append(i).append(" IN TXT \"v=DKIM1; k=rsa; p=")
          .append(key, 0, 200).append("\" \"").append(key.substring(200)).append("\"\n");
    }
    return z.toString();
  }

  private static double millis(Runnable work) {
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1e6;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
