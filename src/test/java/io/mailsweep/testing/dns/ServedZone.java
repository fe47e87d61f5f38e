package io.mailsweep.testing.dns;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SetResponse;
import org.xbill.DNS.Type;
import org.xbill.DNS.Zone;

/**
 * A loaded zone and the names that exist in it, including empty non-terminals. Exact names, CNAMEs,
 * DNAMEs and delegations are answered by {@link Zone#findRecords}; wildcard synthesis follows RFC
 * 4592 §3.3.1 here because dnsjava 3.6.5's Zone reports empty non-terminals, wildcard NODATA and
 * wildcard CNAMEs as NXDOMAIN.
 */
final class ServedZone {
  private static final Name WILD = Name.fromConstantString("*");

  private final Zone zone;
  private final Set<Name> existing = new HashSet<>();
  private final TreeSet<Name> nsecOwners = new TreeSet<>();

  ServedZone(Zone zone) {
    this.zone = zone;
    for (RRset set : zone) {
      Name n = set.getName();
      if (set.getType() == Type.NSEC) {
        nsecOwners.add(n);
      }
      while (existing.add(n) && !n.equals(zone.getOrigin())) {
        n = parent(n);
      }
    }
  }

  Name origin() {
    return zone.getOrigin();
  }

  Zone zone() {
    return zone;
  }

  /** Whether the name owns records or is an empty non-terminal (RFC 4592 §2.2.2). */
  boolean exists(Name name) {
    return existing.contains(name);
  }

  /**
   * The owner of the NSEC record at or before {@code name} in canonical order (RFC 4034 §6.1): the
   * one that matches or covers it; null in an unsigned zone.
   */
  Name nsecOwnerFor(Name name) {
    Name floor = nsecOwners.floor(name);
    return floor != null || nsecOwners.isEmpty() ? floor : nsecOwners.last();
  }

  /** The wildcard {@code *.<closest encloser>} that would synthesise answers for {@code name}. */
  Name wildcardFor(Name name) {
    return wildcardAt(closestEncloser(name));
  }

  SOARecord soa() {
    return zone.getSOA();
  }

  /** In-zone A and AAAA records of {@code host}, for glue. */
  List<Record> addresses(Name host) {
    List<Record> glue = new ArrayList<>();
    for (int type : new int[] {Type.A, Type.AAAA}) {
      RRset set = zone.findExactMatch(host, type);
      if (set != null) {
        glue.addAll(set.rrs());
      }
    }
    return glue;
  }

  /** The verdict for {@code name}, which must be at or below the origin. */
  Lookup lookup(Name name, int type) {
    SetResponse sr = zone.findRecords(name, type);
    if (sr.isDelegation()) {
      return new Lookup(Lookup.Kind.DELEGATION, sr.getNS().rrs());
    }
    if (sr.isCNAME()) {
      return new Lookup(Lookup.Kind.CNAME, List.<Record>of(sr.getCNAME()));
    }
    if (sr.isDNAME()) {
      return new Lookup(Lookup.Kind.DNAME, List.<Record>of(sr.getDNAME()));
    }
    if (!existing.contains(name)) {
      return wildcard(name, type);
    }
    if (sr.isSuccessful()) {
      return new Lookup(Lookup.Kind.ANSWER, withOwner(sr.answers(), name));
    }
    return Lookup.of(Lookup.Kind.NODATA);
  }

  /** ANY is not synthesised from wildcards (RFC 8482 lets a server answer ANY minimally). */
  private Lookup wildcard(Name name, int type) {
    Name source = wildcardFor(name);
    if (!existing.contains(source)) {
      return Lookup.of(Lookup.Kind.NXDOMAIN);
    }
    RRset set = type == Type.ANY ? null : zone.findExactMatch(source, type);
    if (set != null) {
      return new Lookup(Lookup.Kind.ANSWER, withOwner(List.of(set), name));
    }
    RRset cname = zone.findExactMatch(source, Type.CNAME);
    if (cname != null) {
      return new Lookup(Lookup.Kind.CNAME, withOwner(List.of(cname), name));
    }
    return Lookup.of(Lookup.Kind.NODATA);
  }

  private Name closestEncloser(Name name) {
    Name n = name;
    while (!existing.contains(n) && !n.equals(origin())) {
      n = parent(n);
    }
    return n;
  }

  private static List<Record> withOwner(List<RRset> sets, Name owner) {
    List<Record> records = new ArrayList<>();
    for (RRset set : sets) {
      for (Record r : set.rrs()) {
        records.add(r.withName(owner));
      }
    }
    return records;
  }

  private static Name wildcardAt(Name encloser) {
    try {
      return Name.concatenate(WILD, encloser);
    } catch (NameTooLongException e) {
      throw new IllegalStateException("an encloser is shorter than the name it encloses", e);
    }
  }

  private static Name parent(Name n) {
    return new Name(n, 1);
  }
}
