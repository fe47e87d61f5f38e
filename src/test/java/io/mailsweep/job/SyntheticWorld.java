package io.mailsweep.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A vendor list and the zone {@code test.} that answers for it, drawn from a fixed seed: most
 * domains with SPF (some through shared provider includes, a few broken), about half with DMARC,
 * MX on a few shared provider hosts at loopback addresses, some MTA-STS and TLS-RPT records, some
 * DKIM keys at {@code selector1} (real RSA keys minted here), and about 5% absent (NXDOMAIN). The
 * list also has repeated and unusable lines, which the import sets aside.
 */
final class SyntheticWorld {
  static final String CANARY = "canary.test";

  private static final String PROVIDERS = """
      $ORIGIN test.
      $TTL 300
      @                 IN SOA ns hostmaster 1 3600 600 86400 60
      @                 IN NS  ns
      ns                IN A   127.0.0.1
      canary            IN A   127.0.0.1
      _spf.mailco       IN TXT "v=spf1 ip4:192.0.2.0/24 ip4:198.51.100.0/24 ~all"
      spf.bulkmail      IN TXT "v=spf1 ip4:203.0.113.0/24 include:_spf.relay.test -all"
      _spf.relay        IN TXT "v=spf1 ip6:2001:db8::/32 -all"
      spf.crm           IN TXT "v=spf1 a:out.crm.test -all"
      out.crm           IN A   127.0.9.1
      mx1.mailco        IN A   127.0.10.1
      mx2.mailco        IN A   127.0.10.2
      mx.bulkmail       IN A   127.0.11.1
      inbound.secure    IN A   127.0.12.1
      inbound.secure    IN A   127.0.12.2
      *._report._dmarc.dmarc.mailco IN TXT "v=DMARC1"
      """;
  private static final List<String> SPF = List.of(
      "v=spf1 include:_spf.mailco.test -all",
      "v=spf1 mx include:spf.bulkmail.test ~all",
      "v=spf1 ip4:192.0.2.7 include:spf.crm.test -all",
      "v=spf1 include:_spf.mailco.test include:spf.bulkmail.test ?all",
      "v=spf1 a mx -all");
  private static final List<List<String>> MX = List.of(List.of("10 mx1.mailco.test.", "20 mx2.mailco.test."),
      List.of("10 mx.bulkmail.test."), List.of("5 inbound.secure.test."),
      List.of("10 mx1.mailco.test.", "10 mx.bulkmail.test."), List.of("0 ."), List.of("10 mx.gone.test."));
  private static final List<String> POLICIES = List.of("none", "quarantine", "reject");

  private final Random random;
  private final StringBuilder zone = new StringBuilder(PROVIDERS);
  private final List<String> csv = new ArrayList<>(List.of("vendor,website,country"));
  private final String strongKey = rsaKey(2048);
  private final String weakKey = rsaKey(1024);

  private SyntheticWorld(long seed) {
    this.random = new Random(seed);
  }

  /**
   * Writes {@code test.zone} into {@code zones} and the vendor list {@code vendors.csv} into {@code
   * dir}: {@code domains} distinct domains in the order drawn, then the set-aside lines.
   */
  static Path write(long seed, int domains, Path zones, Path dir) throws IOException {
    SyntheticWorld world = new SyntheticWorld(seed);
    for (int i = 0; i < domains; i++) {
      world.vendor(i);
    }
    world.setAside(domains);
    Files.writeString(zones.resolve("test.zone"), world.zone);
    return Files.write(dir.resolve("vendors.csv"), world.csv);
  }

  private void vendor(int i) {
    String name = String.format(Locale.ROOT, "v%05d", i);
    csv.add("Vendor " + i + "," + website(name) + "," + (i % 7 == 0 ? "DE" : "US"));
    if (chance(5)) {
      return;
    }
    zone.append(name).append(" IN A 127.0.20.").append(1 + i % 250).append('\n');
    spf(name);
    dmarc(name);
    mx(name);
    transport(name);
    dkim(name);
  }

  /** The domain as vendors write it: bare, as a URL or behind an e-mail address. */
  private String website(String name) {
    int form = random.nextInt(10);
    return form == 0 ? "https://" + name + ".test/contact" : form == 1 ? "info@" + name + ".test"
        : name + ".test";
  }

  private void spf(String name) {
    if (chance(12)) {
      txt(name, "google-site-verification=" + name);
    } else if (chance(3)) {
      txt(name, "v=spf1 +all");
    } else if (chance(3)) {
      txt(name, "v=spf1 include:_spf.gone.test -all");
    } else if (chance(2)) {
      txt(name, "v=spf1 -all");
      txt(name, "v=spf1 include:_spf.mailco.test -all");
    } else {
      txt(name, SPF.get(random.nextInt(SPF.size())));
    }
  }

  private void dmarc(String name) {
    if (!chance(50)) {
      return;
    }
    String record = chance(3) ? "v=DMARC1; p=rejct" : "v=DMARC1; p=" + POLICIES.get(random.nextInt(3));
    int reports = random.nextInt(4);
    record += reports == 0 ? "" : reports == 1 ? "; rua=mailto:dmarc@" + name + ".test"
        : reports == 2 ? "; rua=mailto:reports@dmarc.mailco.test" : "; rua=mailto:agg@elsewhere.test; pct=50";
    txt("_dmarc." + name, record);
  }

  private void mx(String name) {
    if (chance(10)) {
      return;
    }
    // The last two, a null MX (RFC 7505) and a host that does not exist, are rare.
    int pick = chance(6) ? MX.size() - 1 - random.nextInt(2) : random.nextInt(MX.size() - 2);
    MX.get(pick).forEach(target -> zone.append(name).append(" IN MX ").append(target).append('\n'));
  }

  private void transport(String name) {
    if (chance(15)) {
      txt("_mta-sts." + name, "v=STSv1; id=2025" + random.nextInt(100_000));
      if (chance(50)) {
        zone.append("mta-sts.").append(name).append(" IN A 127.0.30.1\n");
      }
    }
    if (chance(15)) {
      txt("_smtp._tls." + name, chance(10) ? "v=TLSRPTv1;" : "v=TLSRPTv1; rua=mailto:tls@" + name + ".test");
    }
  }

  private void dkim(String name) {
    // Each domain with a _domainkey node costs the scan 45 questions (the selector catalogue).
    if (!chance(6)) {
      return;
    }
    int kind = random.nextInt(10);
    String key = kind < 7 ? strongKey : kind < 9 ? weakKey : "";
    // A TXT string holds at most 255 octets (RFC 1035 §3.3.14): long keys are split.
    List<String> strings = new ArrayList<>();
    for (int at = 0; at < key.length(); at += 200) {
      strings.add(key.substring(at, Math.min(key.length(), at + 200)));
    }
    txt("selector1._domainkey." + name, "v=DKIM1; k=rsa; p=" + String.join("\" \"", strings));
  }

  /** Lines the import does not scan: the same domains written again, and values with no domain. */
  private void setAside(int domains) {
    for (int i = 0; i < 20; i++) {
      int again = random.nextInt(domains);
      csv.add("Again " + i + "," + String.format(Locale.ROOT, "V%05d.TEST.", again) + ",US");
    }
    csv.addAll(List.of("Nobody,,US", "Broken,not a domain,US", "Local,localhost,US", "Literal,192.0.2.1,US"));
  }

  private void txt(String owner, String text) {
    zone.append(owner).append(" IN TXT \"").append(text).append("\"\n");
  }

  private boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  private static String rsaKey(int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits);
      return Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
