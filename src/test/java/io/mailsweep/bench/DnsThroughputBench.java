package io.mailsweep.bench;

import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsSettings;
import io.mailsweep.net.dns.DnsStatus;
import io.mailsweep.net.dns.DnsjavaDns;
import io.mailsweep.net.dns.RecordType;
import io.mailsweep.net.dns.UdpPoolSettings;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Questions per second and CPU per question of mailsweep's DNS adapter alone (no checks, no
 * database), replaying a recorded question list ("name type" per line, as the scale benchmark
 * records) against a resolver on loopback, with a fixed number in flight. Part of the scale
 * benchmark: it separates the cost of the DNS transport from the cost of the checks.
 *
 * <p>TRANSPORT is {@code pooled} (the default: shared sockets, {@link io.mailsweep.net.dns.PooledUdpClient})
 * or {@code dnsjava} (dnsjava's own client, a fresh socket per query).
 *
 * <pre>
 * bash samples/bench/java-bench.sh DnsThroughputBench QUESTIONS_FILE RESOLVER_IP:PORT \
 *     [IN_FLIGHT] [ROUNDS] [TRANSPORT]
 * </pre>
 */
public final class DnsThroughputBench {
  private DnsThroughputBench() {}

  public static void main(String[] args) throws Exception {
    List<String[]> questions = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length == 2 && known(parts[1])) {
        questions.add(parts);
      }
    }
    String[] hostPort = args[1].split(":");
    InetSocketAddress resolver = new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
    if (!resolver.getAddress().isLoopbackAddress()) {
      throw new IllegalArgumentException("the benchmark sends questions to loopback resolvers only");
    }
    int inFlight = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    UdpPoolSettings pool = switch (args.length > 4 ? args[4] : "pooled") {
      case "pooled" -> UdpPoolSettings.DEFAULT;
      case "dnsjava" -> null;
      default -> throw new IllegalArgumentException("transport: pooled or dnsjava, not " + args[4]);
    };
    ExecutorService callbacks = Executors.newFixedThreadPool(2);
    DnsSettings settings = new DnsSettings(List.of(resolver), Duration.ofSeconds(2), 0, Duration.ofMillis(250),
        inFlight, 0, 8).withUdpPool(pool);
    DnsjavaDns dns = new DnsjavaDns(settings, callbacks);
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int round = 0; round <= rounds; round++) {
      Map<DnsStatus, Integer> statuses = new EnumMap<>(DnsStatus.class);
      Semaphore window = new Semaphore(inFlight);
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      List<CompletableFuture<DnsAnswer>> all = new ArrayList<>(questions.size());
      for (String[] q : questions) {
        window.acquire();
        CompletableFuture<DnsAnswer> f = dns.query(DomainName.of(q[0]), RecordType.valueOf(q[1]));
        f.whenComplete((a, e) -> window.release());
        all.add(f);
      }
      for (CompletableFuture<DnsAnswer> f : all) {
        statuses.merge(f.join().status(), 1, Integer::sum);
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
      System.out.printf(Locale.ROOT, "%s: %d questions in %.2f s: %.0f q/s, %.1f µs CPU per question; %s%n",
          round == 0 ? "warm-up" : "round " + round, questions.size(), seconds, questions.size() / seconds,
          cpu * 1e6 / questions.size(), statuses);
    }
    dns.close();
    callbacks.shutdown();
  }

  private static boolean known(String type) {
    for (RecordType t : RecordType.values()) {
      if (t.name().equals(type)) {
        return true;
      }
    }
    return false;
  }
}
