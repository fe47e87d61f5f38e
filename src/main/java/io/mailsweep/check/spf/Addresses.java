package io.mailsweep.check.spf;

import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsRecord;
import io.mailsweep.net.dns.RecordType;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/** Address lookups of the a, mx and ptr mechanisms (RFC 7208 §5.3–5.5) against the client IP. */
final class Addresses {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private final SpfLookups lookups;
  private final InetAddress ip;
  private final RecordType family;
  private CompletableFuture<List<String>> validated;

  Addresses(SpfLookups lookups, InetAddress ip) {
    this.lookups = lookups;
    this.ip = ip;
    this.family = ip instanceof Inet4Address ? RecordType.A : RecordType.AAAA;
  }

  boolean inNetwork(InetAddress network, int prefix) {
    return Cidr.contains(network, prefix, ip);
  }

  /** §5.3: the target's A (or AAAA) records against the client. */
  CompletableFuture<Match> a(String target, int prefix) {
    return lookups.dns().query(SpfLookups.validDomain(target), family).thenApply(answer -> {
      if (!answer.status().conclusive()) {
        return Match.temperror("a:" + target + ": " + answer.describe());
      }
      if (!lookups.countVoid(answer)) {
        return lookups.voidLimitExceeded();
      }
      return Match.of(contains(answer, prefix));
    });
  }

  /** §5.4: the address records of at most 10 MX hosts of the target. */
  CompletableFuture<Match> mx(String target, int prefix) {
    return lookups.dns().query(SpfLookups.validDomain(target), RecordType.MX).thenCompose(answer -> {
      if (!answer.status().conclusive()) {
        return done(Match.temperror("mx:" + target + ": " + answer.describe()));
      }
      if (!lookups.countVoid(answer)) {
        return done(lookups.voidLimitExceeded());
      }
      List<String> hosts = exchanges(answer);
      if (hosts.size() > lookups.limits().mxNames()) {
        return done(Match.permerror("mx:" + target + " has " + hosts.size() + " MX hosts, over the limit of "
            + lookups.limits().mxNames() + " (RFC 7208 §4.6.4)"));
      }
      return anyHost(hosts, prefix);
    });
  }

  private CompletableFuture<Match> anyHost(List<String> hosts, int prefix) {
    List<CompletableFuture<DnsAnswer>> answers = new ArrayList<>();
    for (String host : hosts) {
      if (SpfLookups.validDomain(host) != null) {
        answers.add(lookups.dns().query(SpfLookups.validDomain(host), family));
      }
    }
    return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
      for (CompletableFuture<DnsAnswer> f : answers) {
        if (contains(f.join(), prefix)) {
          return Match.YES;
        }
      }
      return Match.NO;
    });
  }

  /**
   * The client's validated host names (§5.5): PTR names whose own address records contain the
   * client address; at most the first 10 PTR names are tried. Looked up once per evaluation.
   */
  synchronized CompletableFuture<List<String>> validatedNames() {
    if (validated == null) {
      validated = lookups.dns().query(ReverseName.of(ip), RecordType.PTR).thenCompose(this::validate);
    }
    return validated;
  }

  private CompletableFuture<List<String>> validate(DnsAnswer ptr) {
    List<String> names = new ArrayList<>();
    for (DnsRecord r : ptr.records()) {
      if (names.size() < lookups.limits().ptrNames() && SpfLookups.validDomain(stripDot(r.data())) != null) {
        names.add(stripDot(r.data()));
      }
    }
    List<CompletableFuture<DnsAnswer>> answers = new ArrayList<>();
    for (String n : names) {
      answers.add(lookups.dns().query(SpfLookups.validDomain(n), family));
    }
    return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
      List<String> valid = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        if (contains(answers.get(i).join(), -1)) {
          valid.add(names.get(i));
        }
      }
      return valid;
    });
  }

  /** Whether an address answer holds the client, within {@code prefix} bits (-1: exact). */
  private boolean contains(DnsAnswer answer, int prefix) {
    for (DnsRecord r : answer.records()) {
      InetAddress a = literal(r.data());
      if (a != null && Cidr.contains(a, prefix < 0 ? a.getAddress().length * 8 : prefix, ip)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> exchanges(DnsAnswer answer) {
    List<String> hosts = new ArrayList<>();
    for (DnsRecord r : answer.records()) {
      String[] parts = r.data().trim().split("\\s+");
      String host = stripDot(parts[parts.length - 1]);
      if (!host.isEmpty()) {
        hosts.add(host);
      }
    }
    return hosts;
  }

  /** Parses an address literal from a DNS answer; never resolves a name. */
  static InetAddress literal(String text) {
    String s = text.trim();
    if (!IPV4.matcher(s).matches() && s.indexOf(':') < 0) {
      return null;
    }
    try {
      return InetAddress.getByName(s);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  static String stripDot(String name) {
    String s = name.trim().toLowerCase(Locale.ROOT);
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  private static <T> CompletableFuture<T> done(T value) {
    return CompletableFuture.completedFuture(value);
  }
}
