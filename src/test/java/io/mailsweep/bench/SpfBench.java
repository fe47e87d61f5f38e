package io.mailsweep.bench;

import io.mailsweep.check.spf.SpfAnalyser;
import io.mailsweep.check.spf.SpfEvaluator;
import io.mailsweep.check.spf.SpfLimits;
import io.mailsweep.check.spf.SpfParser;
import io.mailsweep.check.spf.SpfRequest;
import io.mailsweep.check.spf.SpfThresholds;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.Dns;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsRecord;
import io.mailsweep.net.dns.DnsStatus;
import io.mailsweep.net.dns.RecordType;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Micro-benchmark: parse, evaluate (check_host) and analyse N synthetic SPF policies whose DNS
 * answers are already cached in memory, so only mailsweep's own work is measured. The baseline,
 * measured in the same run, is splitting each record on spaces: the least any parser must do.
 * Prints the median of several rounds. Run it with samples/bench/spf-bench.sh.
 */
public final class SpfBench {
  private static final int PROVIDERS = 20;

  private SpfBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    MemoryDns dns = world(n);
    List<String> records = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      records.add(dns.txt("d" + i + ".bench.test"));
    }
    SpfEvaluator evaluator = new SpfEvaluator(dns, SpfLimits.RFC_7208);
    SpfAnalyser analyser = new SpfAnalyser(dns, SpfLimits.RFC_7208, SpfThresholds.DEFAULTS);
    InetAddress client = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    System.out.printf(Locale.ROOT, "SPF micro-benchmark: %,d cached policies, %d rounds (median), %s%n",
        n, rounds, System.getProperty("java.version"));
    double split = median(rounds, () -> records.forEach(r -> Arrays.asList(r.split(" ")).size()));
    double parse = median(rounds, () -> records.forEach(SpfParser::parse));
    double evaluate = median(rounds, () -> {
      for (int i = 0; i < n; i++) {
        evaluator.checkHost(new SpfRequest(client, "x@d" + i + ".bench.test", "mx.bench.test", "unknown")).join();
      }
    });
    double analyse = median(rounds, () -> {
      for (int i = 0; i < n; i++) {
        analyser.analyse(DomainName.of("d" + i + ".bench.test")).join();
      }
    });
    print("split on spaces (baseline)", n, split, split);
    print("parse", n, parse, split);
    print("evaluate check_host()", n, evaluate, split);
    print("analyse policy", n, analyse, split);
  }

  private static void print(String what, int n, double seconds, double baseline) {
    System.out.printf(Locale.ROOT, "  %-28s %9.0f records/s  %7.2f µs/record  %6.1f× baseline%n",
        what, n / seconds, seconds * 1e6 / n, seconds / baseline);
  }

  private static double median(int rounds, Runnable work) {
    work.run();
    double[] times = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long start = System.nanoTime();
      work.run();
      times[r] = (System.nanoTime() - start) / 1e9;
    }
    Arrays.sort(times);
    return times[rounds / 2];
  }

  /** Policies with the usual shape: own ranges, an mx, one or two shared provider includes. */
  private static MemoryDns world(int n) {
    MemoryDns dns = new MemoryDns();
    for (int p = 0; p < PROVIDERS; p++) {
      dns.put("_spf.p" + p + ".bench.test", RecordType.TXT,
          "v=spf1 ip4:127.1." + p + ".0/24 ip4:127.2." + p + ".0/24 ip6:fd00:" + p + "::/48 ~all");
    }
    dns.put("mx.bench.test", RecordType.A, "127.0.0.9");
    for (int i = 0; i < n; i++) {
      String d = "d" + i + ".bench.test";
      dns.put(d, RecordType.MX, "10 mx.bench.test.");
      dns.put(d, RecordType.TXT, "v=spf1 ip4:127.3." + (i % 250) + ".0/24 mx include:_spf.p" + (i % PROVIDERS)
          + ".bench.test" + (i % 3 == 0 ? " include:_spf.p" + ((i + 1) % PROVIDERS) + ".bench.test" : "") + " -all");
    }
    return dns;
  }

  /** A DNS whose every answer is already known: the cached state of a long run. */
  static final class MemoryDns implements Dns {
    private final Map<String, List<DnsRecord>> records = new HashMap<>();

    void put(String name, RecordType type, String data) {
      List<String> strings = type == RecordType.TXT ? List.of(data) : List.of();
      records.computeIfAbsent(name + "/" + type, k -> new ArrayList<>())
          .add(new DnsRecord(name, type, 300, data, strings));
    }

    String txt(String name) {
      return records.get(name + "/" + RecordType.TXT).get(0).joinedText();
    }

    @Override
    public CompletableFuture<DnsAnswer> query(DomainName name, RecordType type) {
      List<DnsRecord> found = records.get(name.text() + "/" + type);
      DnsStatus status = found == null ? DnsStatus.NODATA : DnsStatus.ANSWER;
      return CompletableFuture.completedFuture(new DnsAnswer(name, type, status,
          found == null ? List.of() : found, List.of(), null, false, 1));
    }
  }
}
