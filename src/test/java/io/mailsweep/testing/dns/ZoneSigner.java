package io.mailsweep.testing.dns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Master;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.Zone;

/**
 * Signs a lab zone as a DNSSEC signer would (RFC 4035 §2): one combined key-signing and zone-signing
 * key (ECDSA P-256 with SHA-256, algorithm 13, RFC 6605; flags 257), its DNSKEY at the apex, an
 * NSEC chain over the authoritative names in canonical order (RFC 4034 §4 and §6.1) whose type
 * bitmaps include NSEC and RRSIG, and an RRSIG over every authoritative RRset, valid from a day ago
 * for ten years. NS sets at delegation points and glue below them are not signed and glue gets no
 * NSEC (RFC 4035 §2.2, §2.3). The input must be unsigned and hold exactly one SOA.
 */
public final class ZoneSigner {
  /** Signature validity: long enough that no test run sees an expired signature. */
  static final Duration VALIDITY = Duration.ofDays(3650);

  private ZoneSigner() {}

  /** Signs a master file that names its origin with {@code $ORIGIN} (as {@link LabDns#zone} does). */
  public static SignedZone sign(String zoneText) {
    List<Record> records = new ArrayList<>();
    try (Master master = new Master(new ByteArrayInputStream(zoneText.getBytes(StandardCharsets.UTF_8)))) {
      for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
        records.add(r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("unparsable zone text", e);
    }
    return sign(records);
  }

  /** Signs the records of a loaded zone. */
  public static SignedZone sign(Zone zone) {
    List<Record> records = new ArrayList<>(List.of(zone.getSOA()));
    for (RRset set : zone) {
      set.rrs(false).stream().filter(r -> r.getType() != Type.SOA).forEach(records::add);
    }
    return sign(records);
  }

  /** Signs these records; the SOA's owner is the zone's origin. */
  public static SignedZone sign(List<Record> unsigned) {
    SOARecord soa = (SOARecord) unsigned.stream().filter(r -> r.getType() == Type.SOA).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("a zone needs a SOA record"));
    Name origin = soa.getName();
    KeyPair keys = keys();
    try {
      DNSKEYRecord key = new DNSKEYRecord(origin, DClass.IN, soa.getTTL(),
          DNSKEYRecord.Flags.ZONE_KEY | DNSKEYRecord.Flags.SEP_KEY, DNSKEYRecord.Protocol.DNSSEC,
          DNSSEC.Algorithm.ECDSAP256SHA256, keys.getPublic());
      List<Record> records = new ArrayList<>(unsigned);
      records.add(key);
      Map<Name, Map<Integer, RRset>> sets = authoritative(origin, records);
      records.addAll(nsecChain(sets, Math.min(soa.getMinimum(), soa.getTTL())));
      sets = authoritative(origin, records);
      Instant now = Instant.now();
      for (Map.Entry<Name, Map<Integer, RRset>> node : sets.entrySet()) {
        boolean cut = isCut(origin, node.getValue());
        for (RRset set : node.getValue().values()) {
          if (!cut || set.getType() == Type.DS || set.getType() == Type.NSEC) {
            records.add(DNSSEC.sign(set, key, keys.getPrivate(), now.minus(Duration.ofDays(1)), now.plus(VALIDITY)));
          }
        }
      }
      return new SignedZone(origin, records, key, new DSRecord(origin, DClass.IN, soa.getTTL(),
          DNSSEC.Digest.SHA256, key));
    } catch (DNSSEC.DNSSECException e) {
      throw new IllegalStateException("cannot sign the lab zone " + origin, e);
    }
  }

  /** The RRsets by owner in canonical order, without glue (names below a delegation point). */
  private static Map<Name, Map<Integer, RRset>> authoritative(Name origin, List<Record> records) {
    Set<Name> cuts = new TreeSet<>();
    for (Record r : records) {
      if (r.getType() == Type.NS && !r.getName().equals(origin)) {
        cuts.add(r.getName());
      }
    }
    Map<Name, Map<Integer, RRset>> sets = new TreeMap<>();
    for (Record r : records) {
      Name owner = r.getName();
      if (r.getType() == Type.RRSIG || cuts.stream().anyMatch(c -> !owner.equals(c) && owner.subdomain(c))) {
        continue;
      }
      sets.computeIfAbsent(owner, n -> new LinkedHashMap<>())
          .computeIfAbsent(r.getType(), t -> new RRset())
          .addRR(r);
    }
    return sets;
  }

  /** RFC 4034 §4.1: each name points to the next in canonical order, the last back to the apex. */
  private static List<Record> nsecChain(Map<Name, Map<Integer, RRset>> sets, long ttl) {
    List<Name> names = new ArrayList<>(sets.keySet());
    List<Record> chain = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      Set<Integer> types = new TreeSet<>(sets.get(names.get(i)).keySet());
      types.add(Type.NSEC);
      types.add(Type.RRSIG);
      Name next = names.get((i + 1) % names.size());
      chain.add(new NSECRecord(names.get(i), DClass.IN, ttl, next,
          types.stream().mapToInt(Integer::intValue).toArray()));
    }
    return chain;
  }

  private static boolean isCut(Name origin, Map<Integer, RRset> node) {
    RRset any = node.values().iterator().next();
    return node.containsKey(Type.NS) && !any.getName().equals(origin);
  }

  private static KeyPair keys() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException("no EC P-256 key generator", e);
    }
  }
}
