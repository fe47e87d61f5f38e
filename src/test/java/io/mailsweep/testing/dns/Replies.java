package io.mailsweep.testing.dns;

import java.io.IOException;
import java.util.Optional;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

/** Reply skeletons, error replies and size fitting (RFC 1035 §4.2.1, RFC 6891 §6.2.5). */
final class Replies {
  /** The UDP payload size this server advertises in its OPT records. */
  static final int SERVER_PAYLOAD = 1232;

  private static final int PLAIN_UDP_LIMIT = 512;
  private static final int TCP_LIMIT = 65535;

  private Replies() {}

  /**
   * A reply to {@code query} with its ID, opcode, RD bit and question, and an OPT if it had one.
   */
  static Message start(Message query) {
    Message reply = new Message(query.getHeader().getID());
    Header h = reply.getHeader();
    h.setFlag(Flags.QR);
    h.setOpcode(query.getHeader().getOpcode());
    if (query.getHeader().getFlag(Flags.RD)) {
      h.setFlag(Flags.RD);
    }
    if (query.getQuestion() != null) {
      reply.addRecord(query.getQuestion(), Section.QUESTION);
    }
    if (query.getOPT() != null) {
      // RFC 3225 §3: the DO bit is copied into the reply.
      int flags = query.getOPT().getFlags() & ExtendedFlags.DO;
      reply.addRecord(new OPTRecord(SERVER_PAYLOAD, 0, 0, flags), Section.ADDITIONAL);
    }
    return reply;
  }

  static Message error(Message query, int rcode) {
    Message reply = start(query);
    reply.getHeader().setRcode(rcode);
    return reply;
  }

  /**
   * FORMERR for a packet whose header parses but whose body does not; empty for packets too short
   * to have a header and for responses, which are never answered.
   */
  static Optional<byte[]> formatError(byte[] packet) {
    Header h;
    try {
      h = new Header(packet);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (h.getFlag(Flags.QR)) {
      return Optional.empty();
    }
    Message reply = new Message(h.getID());
    reply.getHeader().setFlag(Flags.QR);
    reply.getHeader().setOpcode(h.getOpcode());
    reply.getHeader().setRcode(Rcode.FORMERR);
    return Optional.of(reply.toWire());
  }

  /**
   * The wire form of {@code reply} to {@code query}. If it exceeds the transport's limit (the
   * query's EDNS payload size, at least 512, or 512 without EDNS; 65535 over TCP), or {@code
   * forceTruncation} is set, the reply keeps only its header with TC set, the question and the OPT.
   */
  static byte[] encode(Message reply, Message query, Transport transport, boolean forceTruncation) {
    byte[] wire = reply.toWire();
    if (!forceTruncation && wire.length <= limit(query, transport)) {
      return wire;
    }
    Message truncated = new Message(reply.getHeader().getID());
    copyFlagsAndCodes(reply.getHeader(), truncated.getHeader());
    truncated.getHeader().setFlag(Flags.TC);
    reply.getSection(Section.QUESTION).forEach(r -> truncated.addRecord(r, Section.QUESTION));
    if (reply.getOPT() != null) {
      truncated.addRecord(reply.getOPT(), Section.ADDITIONAL);
    }
    return truncated.toWire();
  }

  private static void copyFlagsAndCodes(Header from, Header to) {
    for (int flag : new int[] {Flags.QR, Flags.AA, Flags.RD, Flags.RA, Flags.AD, Flags.CD}) {
      if (from.getFlag(flag)) {
        to.setFlag(flag);
      }
    }
    to.setOpcode(from.getOpcode());
    to.setRcode(from.getRcode());
  }

  private static int limit(Message query, Transport transport) {
    if (transport == Transport.TCP) {
      return TCP_LIMIT;
    }
    OPTRecord opt = query.getOPT();
    return opt == null ? PLAIN_UDP_LIMIT : Math.max(PLAIN_UDP_LIMIT, opt.getPayloadSize());
  }
}
