package io.mailsweep.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the synthetic world of the scale benchmark ({@code samples/bench/scale-bench.sh}): one
 * zone file {@code test.zone} for an authoritative server and {@code vendors.csv} listing N
 * domains in a mix modelled on real vendor lists:
 *
 * <ul>
 *   <li>5% of the listed domains do not exist (NXDOMAIN), 1% lie under {@code hang.test}, whose
 *       questions the benchmark's DNS front end drops (name servers that time out);
 *   <li>of the rest: 70% publish SPF, mostly an {@code include:} of one of 20 shared providers
 *       (some nested), 45% DMARC (two thirds {@code p=none}, a fifth with reports sent to the
 *       provider, which costs the external-destination check), 85% MX, four in five of them on
 *       shared provider hosts, 10% MTA-STS, 8% TLS-RPT, 25% a DKIM key at a common selector,
 *       2% BIMI.
 * </ul>
 *
 * <p>Every address in the zone is a loopback address outside 127.0.25.0/24 and 127.0.53.0/24; the
 * benchmark scans without {@code --allow-targets}, so the target guard refuses every connection and
 * only DNS is measured. Deterministic: domain {@code i} is drawn from a generator seeded with
 * {@code i}, so the first 10,000 domains of the million-domain world are the 10,000-domain world.
 *
 * <pre>java -cp ... io.mailsweep.bench.ScaleWorld OUT_DIR DOMAINS</pre>
 */
public final class ScaleWorld {
  static final int PROVIDERS = 20;
  static final String[] SELECTORS = {"google", "selector1", "k1", "default", "s1"};

  private final String key1024;
  private final String[] key2048;

  private ScaleWorld() throws Exception {
    SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
    seeded.setSeed(20261129L);
    key1024 = rsaKey(1024, seeded);
    String k = rsaKey(2048, seeded);
    key2048 = new String[] {k.substring(0, 230), k.substring(230)};
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: ScaleWorld OUT_DIR DOMAINS");
      System.exit(2);
    }
    Path out = Files.createDirectories(Path.of(args[0]));
    int domains = Integer.parseInt(args[1]);
    new ScaleWorld().write(out, domains);
  }

  static String name(int i) {
    return String.format(Locale.ROOT, "v%07d", i);
  }

  private void write(Path out, int domains) throws IOException {
    int[] counts = new int[11];
    try (BufferedWriter zone = Files.newBufferedWriter(out.resolve("test.zone"), StandardCharsets.US_ASCII);
        BufferedWriter csv = Files.newBufferedWriter(out.resolve("vendors.csv"), StandardCharsets.UTF_8)) {
      zone.write("""
          $ORIGIN test.
          $TTL 3600
          @        IN SOA ns hostmaster 1 3600 600 86400 300
          @        IN NS  ns
          ns       IN A   127.0.53.1
          canary   IN A   127.0.0.1
          """);
      providers(zone);
      csv.write("vendor,domain\n");
      for (int i = 1; i <= domains; i++) {
        SplittableRandom r = new SplittableRandom(i);
        double kind = r.nextDouble();
        String n = name(i);
        if (kind < 0.05) {
          counts[0]++;
          csv.write("Vendor " + i + "," + n + ".test\n");
        } else if (kind < 0.06) {
          counts[1]++;
          csv.write("Vendor " + i + "," + n + ".hang.test\n");
        } else {
          csv.write("Vendor " + i + "," + n + ".test\n");
          domain(zone, n, r, counts);
        }
      }
    }
    System.out.printf(Locale.ROOT,
        "world of %,d domains in %s: %,d NXDOMAIN, %,d timing out, %,d SPF, %,d DMARC (%,d p=none),"
            + " %,d MX (%,d on shared hosts), %,d MTA-STS, %,d TLS-RPT, %,d DKIM, %,d BIMI%n",
        domains, out, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6],
        counts[7], counts[8], counts[9], counts[10]);
  }

  /** Shared provider records: SPF includes (half nested once), MX hosts, DMARC report receivers. */
  private static void providers(BufferedWriter zone) throws IOException {
    for (int p = 0; p < PROVIDERS; p++) {
      String spf = p % 2 == 0
          ? "v=spf1 ip4:127.0.60." + p + "/32 include:_spf2.p" + p + ".test ~all"
          : "v=spf1 ip4:127.0.60." + p + "/32 ip6:fd00:60::" + p + "/128 ~all";
      zone.write("_spf.p" + p + " IN TXT \"" + spf + "\"\n");
      if (p % 2 == 0) {
        zone.write("_spf2.p" + p + " IN TXT \"v=spf1 ip4:127.0.61." + p + "/32 -all\"\n");
      }
      zone.write("mx1.p" + p + " IN A 127.0.54." + (p + 1) + "\n");
      zone.write("mx2.p" + p + " IN A 127.0.55." + (p + 1) + "\n");
      zone.write("*._report._dmarc.dmarc.p" + p + " IN TXT \"v=DMARC1\"\n");
    }
  }

  private void domain(BufferedWriter zone, String n, SplittableRandom r, int[] counts) throws IOException {
    int provider = skewedProvider(r);
    if (r.nextDouble() < 0.70) {
      counts[2]++;
      double shape = r.nextDouble();
      String spf;
      if (shape < 0.65) {
        spf = "v=spf1 include:_spf.p" + provider + ".test ~all";
      } else if (shape < 0.95) {
        spf = "v=spf1 ip4:127.0.57." + r.nextInt(256) + " mx include:_spf.p" + provider + ".test -all";
      } else {
        spf = "v=spf1 include:_spf.p" + provider + ".test include:_spf.p" + ((provider + 1) % PROVIDERS)
            + ".test ?all";
      }
      zone.write(n + " IN TXT \"" + spf + "\"\n");
    }
    if (r.nextDouble() < 0.45) {
      counts[3]++;
      double p = r.nextDouble();
      String policy = p < 0.65 ? "none" : p < 0.85 ? "quarantine" : "reject";
      if (policy.equals("none")) {
        counts[4]++;
      }
      String rua = r.nextDouble() < 0.2 ? "mailto:rua@dmarc.p" + provider + ".test" : "mailto:dmarc@" + n + ".test";
      zone.write("_dmarc." + n + " IN TXT \"v=DMARC1; p=" + policy + "; rua=" + rua + "\"\n");
    }
    if (r.nextDouble() < 0.85) {
      counts[5]++;
      if (r.nextDouble() < 0.80) {
        counts[6]++;
        zone.write(n + " IN MX 10 mx1.p" + provider + "\n");
        zone.write(n + " IN MX 20 mx2.p" + provider + "\n");
      } else {
        zone.write(n + " IN MX 10 mx." + n + "\n");
        zone.write("mx." + n + " IN A 127.0.58." + r.nextInt(256) + "\n");
      }
    }
    if (r.nextDouble() < 0.10) {
      counts[7]++;
      zone.write("_mta-sts." + n + " IN TXT \"v=STSv1; id=20261101T000000\"\n");
      zone.write("mta-sts." + n + " IN A 127.0.59.1\n");
    }
    if (r.nextDouble() < 0.08) {
      counts[8]++;
      zone.write("_smtp._tls." + n + " IN TXT \"v=TLSRPTv1; rua=mailto:tlsrpt@" + n + ".test\"\n");
    }
    if (r.nextDouble() < 0.25) {
      counts[9]++;
      String selector = SELECTORS[r.nextInt(SELECTORS.length)];
      String key = r.nextDouble() < 0.7
          ? "\"v=DKIM1; k=rsa; p=" + key2048[0] + "\" \"" + key2048[1] + "\""
          : "\"v=DKIM1; k=rsa; p=" + key1024 + "\"";
      zone.write(selector + "._domainkey." + n + " IN TXT " + key + "\n");
    }
    if (r.nextDouble() < 0.02) {
      counts[10]++;
      zone.write("default._bimi." + n + " IN TXT \"v=BIMI1; l=https://bimi." + n + ".test/logo.svg\"\n");
    }
  }

  /** A few providers carry most domains, as in real lists. */
  private static int skewedProvider(SplittableRandom r) {
    double u = r.nextDouble();
    return (int) Math.min(PROVIDERS - 1, Math.floor(PROVIDERS * u * u * u));
  }

  private static String rsaKey(int bits, SecureRandom random) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(bits, random);
    return Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
  }
}
