package io.mailsweep.testing.dns;

import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Authoritative answers from the served zones (RFC 1034 §4.3.2), with no faults and no transport
 * limits. Names outside every served zone, other classes and zone transfers are REFUSED. Signed
 * zones add their DNSSEC records for queries with the DO bit ({@link DnssecProofs}).
 */
final class Responder {
  /** CNAME and DNAME links followed through served zones; the rest of a chain is left out. */
  static final int MAX_CHAIN = 8;

  private final ServedZones zones;

  Responder(ServedZones zones) {
    this.zones = zones;
  }

  /** The reply to a query that has exactly one question. */
  Message answer(Message query) {
    Record q = query.getQuestion();
    ServedZone zone = zones.find(q.getName());
    if (zone == null || !servable(q)) {
      return Replies.error(query, Rcode.REFUSED);
    }
    Message reply = Replies.start(query);
    reply.getHeader().setFlag(Flags.AA);
    Name name = q.getName();
    boolean dnssec = DnssecProofs.wanted(query);
    for (int link = 0; link <= MAX_CHAIN && zone != null; link++) {
      Lookup found = zone.lookup(name, q.getType());
      Name next = step(reply, zone, found, name, link);
      if (dnssec) {
        DnssecProofs.add(reply, zone, found, name);
      }
      name = next;
      if (name == null) {
        break;
      }
      zone = zones.find(name);
    }
    return reply;
  }

  /** Adds one lookup's records; returns the name a CNAME or DNAME leads to, or null at the end. */
  private static Name step(Message reply, ServedZone zone, Lookup found, Name name, int link) {
    switch (found.kind()) {
      case ANSWER -> found.records().forEach(r -> reply.addRecord(r, Section.ANSWER));
      case NODATA -> reply.addRecord(zone.soa(), Section.AUTHORITY);
      case NXDOMAIN -> {
        reply.getHeader().setRcode(Rcode.NXDOMAIN);
        reply.addRecord(zone.soa(), Section.AUTHORITY);
      }
      case DELEGATION -> referral(reply, zone, found, link == 0);
      case CNAME -> {
        return link(reply, found.first(), ((CNAMERecord) found.first()).getTarget());
      }
      case DNAME -> {
        return dname(reply, (DNAMERecord) found.first(), name);
      }
    }
    return null;
  }

  /** RFC 6672 §2.2: the DNAME, then a CNAME synthesised from it; YXDOMAIN if that is too long. */
  private static Name dname(Message reply, DNAMERecord dname, Name name) {
    if (reply.findRecord(dname, Section.ANSWER)) {
      return null;
    }
    Name target;
    try {
      target = name.fromDNAME(dname);
    } catch (NameTooLongException e) {
      reply.getHeader().setRcode(Rcode.YXDOMAIN);
      return null;
    }
    reply.addRecord(dname, Section.ANSWER);
    return link(reply, new CNAMERecord(name, DClass.IN, dname.getTTL(), target), target);
  }

  /** Adds a chain link; a link already in the answer is a loop, which ends the chain. */
  private static Name link(Message reply, Record record, Name target) {
    if (reply.findRecord(record, Section.ANSWER)) {
      return null;
    }
    reply.addRecord(record, Section.ANSWER);
    return target;
  }

  /** RFC 1034 §4.3.2 step 3b; AA stays only if an earlier link of the chain was ours. */
  private static void referral(Message reply, ServedZone zone, Lookup found, boolean first) {
    if (first) {
      reply.getHeader().unsetFlag(Flags.AA);
    }
    for (Record ns : found.records()) {
      reply.addRecord(ns, Section.AUTHORITY);
      zone.addresses(((NSRecord) ns).getTarget())
          .forEach(glue -> reply.addRecord(glue, Section.ADDITIONAL));
    }
  }

  private static boolean servable(Record question) {
    int type = question.getType();
    return (question.getDClass() == DClass.IN || question.getDClass() == DClass.ANY)
        && type != Type.AXFR
        && type != Type.IXFR;
  }
}
