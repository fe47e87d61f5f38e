package io.mailsweep.testing.dns;

import java.util.LinkedHashSet;
import java.util.Set;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * What a signed zone adds to a reply when the query sets the DO bit (RFC 3225 §3, RFC 4035 §3.1):
 * the RRSIGs of the RRsets it answers with (§3.1.1), and the NSEC records with their RRSIGs that
 * prove a NODATA (§3.1.3.1), a name error with its wildcard (§3.1.3.2), a wildcard expansion
 * (§3.1.3.3), a wildcard NODATA (§3.1.3.4) or an unsigned delegation (§3.1.4). A zone without a
 * DNSKEY at its apex adds nothing.
 */
final class DnssecProofs {
  private DnssecProofs() {}

  /** Whether the query's OPT record has the DO bit (RFC 3225 §3). */
  static boolean wanted(Message query) {
    OPTRecord opt = query.getOPT();
    return opt != null && (opt.getFlags() & ExtendedFlags.DO) != 0;
  }

  /** Adds the proofs for one lookup of {@code name} whose records the reply already holds. */
  static void add(Message reply, ServedZone zone, Lookup found, Name name) {
    if (zone.zone().findExactMatch(zone.origin(), Type.DNSKEY) == null) {
      return;
    }
    switch (found.kind()) {
      case ANSWER, CNAME -> {
        Name source = zone.exists(name) ? name : zone.wildcardFor(name);
        for (int type : types(found)) {
          signatures(reply, zone, source, type, name, Section.ANSWER);
        }
        if (!source.equals(name)) {
          nsec(reply, zone, zone.nsecOwnerFor(name));
        }
      }
      case DNAME -> {
        Name owner = found.first().getName();
        signatures(reply, zone, owner, Type.DNAME, owner, Section.ANSWER);
      }
      case NODATA -> {
        signatures(reply, zone, zone.origin(), Type.SOA, zone.origin(), Section.AUTHORITY);
        nsec(reply, zone, zone.nsecOwnerFor(name));
        Name wildcard = zone.wildcardFor(name);
        if (!zone.exists(name) && zone.exists(wildcard)) {
          nsec(reply, zone, wildcard);
        }
      }
      case NXDOMAIN -> {
        signatures(reply, zone, zone.origin(), Type.SOA, zone.origin(), Section.AUTHORITY);
        nsec(reply, zone, zone.nsecOwnerFor(name));
        nsec(reply, zone, zone.nsecOwnerFor(zone.wildcardFor(name)));
      }
      case DELEGATION -> delegation(reply, zone, found.first().getName());
    }
  }

  /** The DS set and its RRSIGs, or the NSEC proving there is none. */
  private static void delegation(Message reply, ServedZone zone, Name cut) {
    RRset ds = zone.zone().findExactMatch(cut, Type.DS);
    if (ds == null) {
      nsec(reply, zone, cut);
      return;
    }
    ds.rrs(false).forEach(r -> addOnce(reply, r, Section.AUTHORITY));
    signatures(reply, zone, cut, Type.DS, cut, Section.AUTHORITY);
  }

  private static Set<Integer> types(Lookup found) {
    Set<Integer> types = new LinkedHashSet<>();
    found.records().forEach(r -> types.add(r.getType()));
    return types;
  }

  /** The RRSIGs over {@code type} at {@code source}, owned by {@code owner} on the wire. */
  private static void signatures(Message reply, ServedZone zone, Name source, int type, Name owner, int section) {
    RRset set = zone.zone().findExactMatch(source, type);
    if (set != null) {
      set.sigs().forEach(sig -> addOnce(reply, sig.withName(owner), section));
    }
  }

  private static void nsec(Message reply, ServedZone zone, Name owner) {
    RRset set = owner == null ? null : zone.zone().findExactMatch(owner, Type.NSEC);
    if (set != null) {
      set.rrs(false).forEach(r -> addOnce(reply, r, Section.AUTHORITY));
      signatures(reply, zone, owner, Type.NSEC, owner, Section.AUTHORITY);
    }
  }

  private static void addOnce(Message reply, Record r, int section) {
    if (!reply.findRecord(r, section)) {
      reply.addRecord(r, section);
    }
  }
}
